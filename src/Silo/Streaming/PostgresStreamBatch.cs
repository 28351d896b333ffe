using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace OrderActors.Silo.Streaming;

/// <summary>One published batch of events of one stream, as stored in a queue row.</summary>
[GenerateSerializer, Alias("OrderActors.PostgresStreamBatch")]
public sealed class PostgresStreamBatch : IBatchContainer
{
    [Id(0)] public StreamId StreamId { get; set; }

    [Id(1)] public List<object> Events { get; set; } = [];

    /// <summary>The queue row's id: set when the batch is read back.</summary>
    [Id(2)] public EventSequenceTokenV2 Token { get; set; } = new(0);

    public StreamSequenceToken SequenceToken => Token;

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>() =>
        Events.OfType<T>().Select((e, i) => Tuple.Create<T, StreamSequenceToken>(e, Token.CreateSequenceTokenForEvent(i)));

    public bool ImportRequestContext() => false;
}
