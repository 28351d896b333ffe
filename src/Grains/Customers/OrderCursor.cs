using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace OrderActors.Customers;

/// <summary>An opaque page cursor: the (createdAt, orderId) of the last order of a page.</summary>
public static class OrderCursor
{
    public static string Encode(CustomerOrder last) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{last.CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)}:{last.OrderId}"));

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
