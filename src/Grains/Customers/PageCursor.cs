using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace OrderActors.Customers;

/// <summary>An opaque page cursor: the (time, id) of the last item of a page, for lists sorted by time then id.</summary>
public static class PageCursor
{
    public static string Encode(CustomerOrder last) => Encode(last.CreatedAt, last.OrderId);

    public static string Encode(DateTimeOffset at, string id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{at.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{id}"));

    public static (long Ticks, string OrderId)? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        try
        {
            var text = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(cursor));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 && long.TryParse(text.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
                ? (ticks, text[(colon + 1)..])
                : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
