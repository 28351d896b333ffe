using OrderActors.Common;

namespace OrderActors.Inventory;

[GenerateSerializer, Alias("OrderActors.MovementLogState")]
public sealed class MovementLogState
{
    /// <summary>The SKU's movement sequence number of the last movement logged.</summary>
    [Id(1)] public long LastSequence { get; set; }

    [Id(2)] public PagedLog<StockMovement> Log { get; set; } = new();
}
