namespace OrderActors.Reports;

/// <summary>One UTC day's order figures, folded from the order event stream of that day (key yyyy-MM-dd).</summary>
[Alias("OrderActors.IDailyOrderReportGrain")]
public interface IDailyOrderReportGrain : IGrainWithStringKey
{
    [Alias("GetFigures")] Task<DailyOrderFigures> GetFigures();
}
