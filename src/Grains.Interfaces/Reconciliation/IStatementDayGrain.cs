namespace OrderActors.Reconciliation;

/// <summary>The provider statement lines of one day (key yyyy-MM-dd), from every imported file.</summary>
[Alias("OrderActors.IStatementDayGrain")]
public interface IStatementDayGrain : IGrainWithStringKey
{
    /// <summary>Sets this file's lines for the day; importing the same file again changes nothing.</summary>
    [Alias("Import")] Task Import(string statementId, IReadOnlyList<StatementLine> lines);

    [Alias("Lines")] Task<IReadOnlyList<StatementLine>> Lines();
}
