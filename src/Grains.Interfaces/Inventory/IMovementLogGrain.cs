namespace OrderActors.Inventory;

/// <summary>The movement log of one SKU for one month (key "sku/yyyy-MM"), fed by the movement stream.</summary>
[Alias("OrderActors.IMovementLogGrain")]
public interface IMovementLogGrain : IGrainWithStringKey
{
    [Alias("List")] Task<IReadOnlyList<StockMovement>> List();

    public static string KeyOf(string sku, DateTimeOffset at) =>
        $"{sku}/{at.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)}";
}
