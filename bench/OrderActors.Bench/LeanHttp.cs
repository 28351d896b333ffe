using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OrderActors.Bench;

/// <summary>
/// The load generator's HTTP/1.1 client: keep-alive connections over loopback, each request written as one buffer,
/// each answer read to its status, length and (when asked) body. The generator shares the machine's cores with the
/// systems it measures, so what it spends per request is taken from them: HttpClient spent about 43 µs of CPU per
/// flash-sale request, a third of the machine, more than the embedded host's 60 µs per refusal. At most
/// <paramref name="connections"/> requests are on the wire at once; others wait for a connection, as with
/// HttpClient's <c>MaxConnectionsPerServer</c>.
/// </summary>
/// <remarks>
/// Transport failures are reported as <see cref="HttpRequestException"/>, a request unanswered after a minute as
/// <see cref="TaskCanceledException"/>, as HttpClient reports them. Bodies come with a Content-Length or chunked.
/// </remarks>
public sealed class LeanHttp(Uri baseAddress, string apiKey, int connections) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly ConcurrentBag<Connection> _idle = [];
    private readonly SemaphoreSlim _slots = new(connections);
    private readonly byte[] _commonHeaders = Encoding.ASCII.GetBytes(
        $"Host: {baseAddress.Authority}\r\nAuthorization: Bearer {apiKey}\r\n");

    /// <summary>The answer's status, and its body and media type when <paramref name="wantBody"/>.</summary>
    public async Task<LeanResponse> Send(HttpMethod method, string path, byte[]? body, bool wantBody)
    {
        var request = Request(method, path, body);
        await _slots.WaitAsync();
        try
        {
            // A kept-alive connection the server has closed fails before any answer: once more on a new one.
            for (var attempt = 0; ; attempt++)
            {
                var connection = _idle.TryTake(out var idle) ? idle : null;
                var reused = connection is not null;
                connection ??= await Connection.Open(baseAddress);
                try
                {
                    var response = await connection.Exchange(request, wantBody, Timeout);
                    if (response.KeepAlive)
                    {
                        _idle.Add(connection);
                    }
                    else
                    {
                        connection.Dispose();
                    }

                    return response;
                }
                catch (ClosedBeforeAnswer) when (reused && attempt == 0)
                {
                    connection.Dispose();
                }
                catch
                {
                    connection.Dispose();
                    throw;
                }
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    private byte[] Request(HttpMethod method, string path, byte[]? body)
    {
        var head = body is null
            ? $"{method.Method} {path} HTTP/1.1\r\n"
            : $"{method.Method} {path} HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n";
        var bytes = new byte[Encoding.ASCII.GetByteCount(head) + _commonHeaders.Length + 2 + (body?.Length ?? 0)];
        var at = Encoding.ASCII.GetBytes(head, bytes);
        _commonHeaders.CopyTo(bytes, at);
        at += _commonHeaders.Length;
        bytes[at++] = (byte)'\r';
        bytes[at++] = (byte)'\n';
        body?.CopyTo(bytes, at);
        return bytes;
    }

    public void Dispose()
    {
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }

        _slots.Dispose();
    }

    private sealed class ClosedBeforeAnswer() : HttpRequestException("The server closed the connection before answering.");

    private sealed class Connection(Socket socket) : IDisposable
    {
        private byte[] _buffer = new byte[16 * 1024];
        private int _length;

        public static async Task<Connection> Open(Uri address)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                var host = address.Host == "localhost" ? IPAddress.Loopback : (await Dns.GetHostAddressesAsync(address.Host))[0];
                await socket.ConnectAsync(new IPEndPoint(host, address.Port));
                return new Connection(socket);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                throw new HttpRequestException($"Connecting to {address.Authority} failed: {ex.Message}", ex);
            }
        }

        public async Task<LeanResponse> Exchange(byte[] request, bool wantBody, TimeSpan timeout)
        {
            using var expiry = new CancellationTokenSource(timeout);
            try
            {
                await socket.SendAsync(request, SocketFlags.None, expiry.Token);
                _length = 0;
                var headerEnd = await ReceiveUntilHeaders(expiry.Token);
                var head = Head.Parse(_buffer.AsSpan(0, headerEnd));
                var bodyStart = headerEnd + 4;
                int bodyLength;
                if (head.Chunked)
                {
                    bodyLength = await ReceiveChunked(bodyStart, expiry.Token);
                }
                else
                {
                    bodyLength = head.ContentLength;
                    await ReceiveAtLeast(bodyStart + bodyLength, expiry.Token);
                }

                var body = wantBody ? _buffer.AsSpan(bodyStart, bodyLength).ToArray() : null;
                return new LeanResponse(head.Status, body, head.MediaType, head.KeepAlive);
            }
            catch (OperationCanceledException ex) when (expiry.IsCancellationRequested)
            {
                throw new TaskCanceledException($"No answer within {timeout.TotalSeconds:0} s.", ex);
            }
            catch (SocketException ex)
            {
                throw new HttpRequestException(ex.Message, ex);
            }
        }

        /// <summary>Receives until the end of the headers; their length (the blank line starts there).</summary>
        private async Task<int> ReceiveUntilHeaders(CancellationToken cancellation)
        {
            var searched = 0;
            while (true)
            {
                var end = _buffer.AsSpan(searched, _length - searched).IndexOf("\r\n\r\n"u8);
                if (end >= 0)
                {
                    return searched + end;
                }

                searched = Math.Max(0, _length - 3);
                await Receive(beforeAnswer: _length == 0, cancellation);
            }
        }

        private async Task ReceiveAtLeast(int length, CancellationToken cancellation)
        {
            while (_length < length)
            {
                await Receive(beforeAnswer: false, cancellation);
            }
        }

        /// <summary>Receives a chunked body starting at <paramref name="start"/> and joins its chunks there; its length.</summary>
        private async Task<int> ReceiveChunked(int start, CancellationToken cancellation)
        {
            var read = start;
            var written = start;
            while (true)
            {
                int lineEnd;
                while ((lineEnd = _buffer.AsSpan(read, _length - read).IndexOf("\r\n"u8)) < 0)
                {
                    await Receive(beforeAnswer: false, cancellation);
                }

                var sizeText = _buffer.AsSpan(read, lineEnd);
                var extension = sizeText.IndexOf((byte)';');
                if (!Utf8Parser.TryParse(extension >= 0 ? sizeText[..extension] : sizeText, out int size, out _, 'X'))
                {
                    throw new HttpRequestException("A chunk size could not be read.");
                }

                read += lineEnd + 2;
                await ReceiveAtLeast(read + size + 2, cancellation);
                if (size == 0)
                {
                    return written - start;
                }

                _buffer.AsSpan(read, size).CopyTo(_buffer.AsSpan(written));
                written += size;
                read += size + 2;
            }
        }

        private async Task Receive(bool beforeAnswer, CancellationToken cancellation)
        {
            if (_length == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var received = await socket.ReceiveAsync(_buffer.AsMemory(_length), SocketFlags.None, cancellation);
            if (received == 0)
            {
                throw beforeAnswer ? new ClosedBeforeAnswer() : new HttpRequestException("The server closed the connection mid-answer.");
            }

            _length += received;
        }

        public void Dispose() => socket.Dispose();
    }

    /// <summary>What the load generator reads of an answer's status line and headers.</summary>
    private readonly record struct Head(HttpStatusCode Status, int ContentLength, bool Chunked, bool KeepAlive, string? MediaType)
    {
        public static Head Parse(ReadOnlySpan<byte> head)
        {
            // "HTTP/1.1 201 Created"
            if (head.Length < 12 || !head.StartsWith("HTTP/1."u8) || !Utf8Parser.TryParse(head.Slice(9, 3), out int status, out _))
            {
                throw new HttpRequestException("Not an HTTP/1.x answer.");
            }

            var length = 0;
            var chunked = false;
            var keepAlive = head[7] == (byte)'1';
            string? mediaType = null;
            var rest = head[(head.IndexOf("\r\n"u8) + 2)..];
            while (!rest.IsEmpty)
            {
                var end = rest.IndexOf("\r\n"u8);
                var line = end < 0 ? rest : rest[..end];
                rest = end < 0 ? [] : rest[(end + 2)..];
                var colon = line.IndexOf((byte)':');
                if (colon <= 0)
                {
                    continue;
                }

                var name = line[..colon];
                var value = line[(colon + 1)..].Trim((byte)' ');
                if (Ascii.EqualsIgnoreCase(name, "content-length"u8))
                {
                    if (!Utf8Parser.TryParse(value, out length, out _))
                    {
                        throw new HttpRequestException("A Content-Length could not be read.");
                    }
                }
                else if (Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8))
                {
                    chunked = Contains(value, "chunked"u8);
                }
                else if (Ascii.EqualsIgnoreCase(name, "connection"u8))
                {
                    keepAlive = !Contains(value, "close"u8);
                }
                else if (Ascii.EqualsIgnoreCase(name, "content-type"u8))
                {
                    var semicolon = value.IndexOf((byte)';');
                    mediaType = Encoding.ASCII.GetString(semicolon >= 0 ? value[..semicolon] : value);
                }
            }

            return new Head((HttpStatusCode)status, length, chunked, keepAlive, mediaType);
        }

        private static bool Contains(ReadOnlySpan<byte> value, ReadOnlySpan<byte> token)
        {
            Span<byte> lower = value.Length <= 256 ? stackalloc byte[value.Length] : new byte[value.Length];
            Ascii.ToLower(value, lower, out _);
            return lower.IndexOf(token) >= 0;
        }
    }
}

/// <summary>An answer as the load generator reads it.</summary>
public readonly record struct LeanResponse(HttpStatusCode Status, byte[]? Body, string? MediaType, bool KeepAlive);
