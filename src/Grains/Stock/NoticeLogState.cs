using OrderActors.Common;

namespace OrderActors.Stock;

[GenerateSerializer, Alias("OrderActors.NoticeLogState")]
public sealed class NoticeLogState
{
    [Id(0)] public List<Notification> Notices { get; set; } = [];
}
