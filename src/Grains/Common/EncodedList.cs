using System.Buffers;
using System.Collections;
using Orleans.Serialization;
using Orleans.Serialization.Buffers;
using Orleans.Serialization.Cloning;
using Orleans.Serialization.Codecs;
using Orleans.Serialization.WireProtocol;

namespace OrderActors.Common;

/// <summary>
/// A list of immutable entries held in a grain's state and written with every state write (the open page of a
/// paged log, the changes since a snapshot): each entry is encoded once, the first time a write carries it, and
/// every later write copies its bytes. Serializing a SKU's thirty movements and thirty reservation changes with each
/// reservation was the largest item of the embedded host's profile; now a write encodes the one entry it adds.
/// </summary>
/// <remarks>
/// Entries must never change once added (records with init-only members): their bytes are kept. Entries are
/// encoded one by one (each its own serialization), so nothing in one refers to another.
/// </remarks>
public sealed class EncodedList<T> : IReadOnlyList<T>
{
    private readonly List<T> _items = [];

    // The encodings of the first _encodedCount entries, each as [length as a 7-bit varint][bytes], back to back.
    private byte[] _bytes = [];
    private int _length;
    private readonly List<int> _ends = [];

    public EncodedList()
    {
    }

    public EncodedList(IEnumerable<T> items) => _items.AddRange(items);

    public int Count => _items.Count;

    public T this[int index] => _items[index];

    public void Add(T item) => _items.Add(item);

    public void AddRange(IEnumerable<T> items) => _items.AddRange(items);

    /// <summary>
    /// Moves the entries of a list that a build before this type stored in its place to the front of this one, and
    /// returns what that list becomes (null): <c>Earlier = Entries.Adopt(Earlier)</c> in the getter that serves both.
    /// </summary>
    public List<T>? Adopt(List<T>? earlier)
    {
        if (earlier is not null)
        {
            InsertRange(0, earlier);
        }

        return null;
    }

    public void InsertRange(int index, IEnumerable<T> items)
    {
        Forget(index);
        _items.InsertRange(index, items);
    }

    public void RemoveRange(int index, int count)
    {
        _items.RemoveRange(index, count);
        var encoded = _ends.Count;
        if (index >= encoded)
        {
            return;
        }

        var removed = Math.Min(count, encoded - index);
        var from = index == 0 ? 0 : _ends[index - 1];
        var to = _ends[index + removed - 1];
        Buffer.BlockCopy(_bytes, to, _bytes, from, _length - to);
        _length -= to - from;
        _ends.RemoveRange(index, removed);
        for (var i = index; i < _ends.Count; i++)
        {
            _ends[i] -= to - from;
        }
    }

    public List<T>.Enumerator GetEnumerator() => _items.GetEnumerator();

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();

    /// <summary>Every entry's encoding, encoding those not encoded yet with <paramref name="encode"/>.</summary>
    internal ReadOnlyMemory<byte> Encoded(Func<T, byte[]> encode)
    {
        for (var i = _ends.Count; i < _items.Count; i++)
        {
            var entry = encode(_items[i]);
            Reserve(5 + entry.Length);
            _length += WriteLength(_bytes.AsSpan(_length), entry.Length);
            entry.CopyTo(_bytes, _length);
            _length += entry.Length;
            _ends.Add(_length);
        }

        return _bytes.AsMemory(0, _length);
    }

    /// <summary>Builds the list from stored encodings, decoding each entry with <paramref name="decode"/>.</summary>
    internal static EncodedList<T> Decode(byte[] bytes, Func<ReadOnlyMemory<byte>, T> decode)
    {
        var list = new EncodedList<T> { _bytes = bytes, _length = bytes.Length };
        var at = 0;
        while (at < bytes.Length)
        {
            var length = ReadLength(bytes, ref at);
            list._items.Add(decode(bytes.AsMemory(at, length)));
            at += length;
            list._ends.Add(at);
        }

        return list;
    }

    /// <summary>Drops the encodings from <paramref name="index"/> on (the entries there are about to move).</summary>
    private void Forget(int index)
    {
        if (index < _ends.Count)
        {
            _length = index == 0 ? 0 : _ends[index - 1];
            _ends.RemoveRange(index, _ends.Count - index);
        }
    }

    private void Reserve(int more)
    {
        if (_length + more > _bytes.Length)
        {
            Array.Resize(ref _bytes, Math.Max(_length + more, Math.Max(256, _bytes.Length * 2)));
        }
    }

    private static int WriteLength(Span<byte> to, int length)
    {
        var n = 0;
        var value = (uint)length;
        while (value >= 0x80)
        {
            to[n++] = (byte)(value | 0x80);
            value >>= 7;
        }

        to[n++] = (byte)value;
        return n;
    }

    private static int ReadLength(byte[] from, ref int at)
    {
        var value = 0;
        for (var shift = 0; ; shift += 7)
        {
            if (at >= from.Length || shift > 28)
            {
                throw new InvalidDataException("An encoded list's entry length is cut off or malformed.");
            }

            var b = from[at++];
            value |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }
        }

        if (value < 0 || value > from.Length - at)
        {
            throw new InvalidDataException("An encoded list's entry runs past its end.");
        }

        return value;
    }
}

/// <summary>Writes an <see cref="EncodedList{T}"/> as its entries' encodings in one run of bytes.</summary>
[RegisterSerializer]
public sealed class EncodedListCodec<T>(Serializer<T> entries) : IFieldCodec<EncodedList<T>>
{
    private readonly Func<T, byte[]> _encode = entries.SerializeToArray;
    private readonly Func<ReadOnlyMemory<byte>, T> _decode = bytes => entries.Deserialize(bytes)!;

    public void WriteField<TBufferWriter>(ref Writer<TBufferWriter> writer, uint fieldIdDelta, Type? expectedType, EncodedList<T>? value)
        where TBufferWriter : IBufferWriter<byte>
    {
        if (ReferenceCodec.TryWriteReferenceField(ref writer, fieldIdDelta, expectedType, value))
        {
            return;
        }

        writer.WriteFieldHeader(fieldIdDelta, expectedType, typeof(EncodedList<T>), WireType.TagDelimited);
        ReadOnlyMemoryOfByteCodec.WriteField(ref writer, 0, value.Encoded(_encode));
        writer.WriteEndObject();
    }

    public EncodedList<T> ReadValue<TInput>(ref Reader<TInput> reader, Field field)
    {
        if (field.WireType == WireType.Reference)
        {
            return ReferenceCodec.ReadReference<EncodedList<T>, TInput>(ref reader, field)!;
        }

        field.EnsureWireTypeTagDelimited();
        var placeholder = ReferenceCodec.CreateRecordPlaceholder(reader.Session);
        EncodedList<T>? result = null;
        uint fieldId = 0;
        while (true)
        {
            var header = reader.ReadFieldHeader();
            if (header.IsEndBaseOrEndObject)
            {
                break;
            }

            fieldId += header.FieldIdDelta;
            if (fieldId == 0)
            {
                result = EncodedList<T>.Decode(ReadOnlyMemoryOfByteCodec.ReadValue(ref reader, header) ?? [], _decode);
            }
            else
            {
                reader.ConsumeUnknownField(header);
            }
        }

        result ??= new EncodedList<T>();
        ReferenceCodec.RecordObject(reader.Session, result, placeholder);
        return result;
    }
}

/// <summary>Copies an <see cref="EncodedList{T}"/> entry by entry; the copy encodes them again when first written.</summary>
[RegisterCopier]
public sealed class EncodedListCopier<T>(IDeepCopier<T> entries) : IDeepCopier<EncodedList<T>>
{
    public EncodedList<T>? DeepCopy(EncodedList<T>? input, CopyContext context)
    {
        if (input is null)
        {
            return null;
        }

        if (context.TryGetCopy<EncodedList<T>>(input, out var copy))
        {
            return copy;
        }

        copy = new EncodedList<T>(input.Select(e => entries.DeepCopy(e, context)!));
        context.RecordCopy(input, copy);
        return copy;
    }
}
