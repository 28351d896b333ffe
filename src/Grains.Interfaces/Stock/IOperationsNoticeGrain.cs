using OrderActors.Common;

namespace OrderActors.Stock;

/// <summary>Notices for operations (shortages, replenishments), newest first. One per system (key 0).</summary>
[Alias("OrderActors.IOperationsNoticeGrain")]
public interface IOperationsNoticeGrain : IGrainWithIntegerKey
{
    [Alias("Post")] Task Post(Notification notice);

    [Alias("List")] Task<IReadOnlyList<Notification>> List(int limit);
}
