using System.Globalization;
using OrderActors.Orders;

namespace OrderActors.Settlement;

/// <summary>Invoice numbers: E2026-000001 (electronic) or P2026-000001 (paper); series per kind and year.</summary>
public static class InvoiceNumbers
{
    public const int BlockSize = 1000;

    public static string SeriesOf(InvoiceKind kind, int year) =>
        $"{kind.ToString().ToLowerInvariant()}-{year.ToString(CultureInfo.InvariantCulture)}";

    public static string Format(InvoiceKind kind, int year, long number) =>
        $"{(kind == InvoiceKind.Paper ? 'P' : 'E')}{year.ToString(CultureInfo.InvariantCulture)}-{number.ToString("000000", CultureInfo.InvariantCulture)}";

    public static string BookOf(string series, long number) => $"{series}/{(number / BlockSize).ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The book holding a formatted number, or null when it is not one of ours.</summary>
    public static string? BookOf(string number)
    {
        if (number.Length < 8 || number[0] is not ('E' or 'P') || number[5] != '-'
            || !int.TryParse(number.AsSpan(1, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !long.TryParse(number.AsSpan(6), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        return BookOf(SeriesOf(number[0] == 'P' ? InvoiceKind.Paper : InvoiceKind.Electronic, year), n);
    }
}
