using OrderActors.Customers;
using OrderActors.Orders;

namespace OrderActors.Tests.Orders;

public sealed class PageCursorTests
{
    [Fact]
    public void A_cursor_round_trips()
    {
        var order = new CustomerOrder("01ABC", OrderStatus.Confirmed, Channel.Web, 1m, 0m, "CNY", new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero), 1);
        var decoded = PageCursor.Decode(PageCursor.Encode(order));
        Assert.Equal((order.CreatedAt.UtcTicks, "01ABC"), decoded);
    }

    [Theory]
    [InlineData("not a cursor")]
    [InlineData("Zm9v")]
    [InlineData("")]
    public void Garbage_is_not_a_cursor(string cursor)
    {
        Assert.Null(PageCursor.Decode(cursor));
    }
}
