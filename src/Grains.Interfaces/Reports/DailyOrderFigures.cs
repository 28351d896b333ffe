using OrderActors.Orders;

namespace OrderActors.Reports;

[GenerateSerializer, Immutable, Alias("OrderActors.DailyOrderFigures")]
public sealed record DailyOrderFigures(
    [property: Id(0)] DateOnly Day,
    [property: Id(1)] OrderFigures Totals,
    [property: Id(2)] IReadOnlyDictionary<Channel, OrderFigures> ByChannel,
    [property: Id(3)] int EventsCounted);
