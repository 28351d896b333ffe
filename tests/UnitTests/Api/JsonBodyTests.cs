using System.Text.Json;
using OrderActors.ApiHost.Infrastructure;
using OrderActors.ApiHost.Orders;

namespace OrderActors.Tests.Api;

public sealed class JsonBodyTests
{
    private static (string Field, string Message) Fail(string json)
    {
        var ex = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<PlaceOrderRequest>(json, ApiJson.Options));
        return JsonBody.Describe(ex);
    }

    [Fact]
    public void An_unknown_field_is_named()
    {
        var (field, message) = Fail("""{"customerId":"c1","discount":5}""");
        Assert.Equal("discount", field);
        Assert.Contains("Unknown field 'discount'", message);
    }

    [Fact]
    public void An_unknown_enum_value_names_its_field_without_dotnet_type_names()
    {
        var (field, message) = Fail("""{"customerId":"c1","channel":"fax"}""");
        Assert.Equal("channel", field);
        Assert.DoesNotContain("System.", message);
        Assert.DoesNotContain("OrderActors", message);
    }

    [Fact]
    public void Enum_values_as_numbers_are_refused()
    {
        Assert.Equal("channel", Fail("""{"channel":1}""").Field);
    }

    [Fact]
    public void A_quantity_of_the_wrong_type_names_the_line()
    {
        Assert.Equal("lines[0].quantity", Fail("""{"lines":[{"sku":"A","quantity":"2"}]}""").Field);
    }

    [Fact]
    public void Deep_nesting_is_refused_at_the_first_level_that_does_not_fit()
    {
        var deep = new string('[', 200) + new string(']', 200);
        var (field, _) = Fail($$"""{"lines":{{deep}}}""");
        Assert.StartsWith("lines", field);
    }
}
