using System.Net;

namespace OrderActors.Tests.Orders;

/// <summary>Malformed and hostile bodies: each answered 4xx problem+json, and nothing changes.</summary>
[Collection(ApiCollection.Name)]
public sealed class HostileBodyTests(ApiFixture fixture)
{
    private const string Sku = "{SKU}";
    private const string Customer = "{CUSTOMER}";
    private const string Order = "{ORDER}";

    private static readonly string Address = """{"name":"Li Lei","phone":"+86 138","line1":"1 Rd","city":"Shanghai","country":"CN"}""";

    private static string Place(string lines, string extra = "") =>
        $$"""{"customerId":"{{Customer}}","channel":"web","lines":{{lines}}{{extra}}}""";

    public static TheoryData<string, string, string> Cases()
    {
        var line = $$"""[{"sku":"{{Sku}}","quantity":1}]""";
        var hundredAndOne = "[" + string.Join(",", Enumerable.Range(0, 101).Select(i => $$"""{"sku":"S{{i}}","quantity":1}""")) + "]";
        var deep = new string('[', 5000) + new string(']', 5000);
        var deepObject = string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100);
        return new TheoryData<string, string, string>
        {
            { "POST", "/api/orders", $$"""{"customerId":42,"channel":"web","lines":{{line}}}""" },
            { "POST", "/api/orders", $$"""{"customerId":"{{Customer}}","channel":"fax","lines":{{line}}}""" },
            { "POST", "/api/orders", $$"""{"customerId":"{{Customer}}","channel":1,"lines":{{line}}}""" },
            { "POST", "/api/orders", Place(line, ",\"paymentTerms\":\"credit\"") },
            { "POST", "/api/orders", Place(line, ",\"onShortage\":\"maybe\"") },
            { "POST", "/api/orders", Place($$"""[{"sku":"{{Sku}}","quantity":0}]""") },
            { "POST", "/api/orders", Place($$"""[{"sku":"{{Sku}}","quantity":-1}]""") },
            { "POST", "/api/orders", Place($$"""[{"sku":"{{Sku}}","quantity":1e20}]""") },
            { "POST", "/api/orders", Place($$"""[{"sku":"{{Sku}}","quantity":2000000}]""") },
            { "POST", "/api/orders", Place($$"""[{"sku":"{{Sku}}","quantity":1.5}]""") },
            { "POST", "/api/orders", Place($$"""[{"sku":"{{Sku}}","quantity":"2"}]""") },
            { "POST", "/api/orders", Place($$"""[{"sku":"{{Sku}}","quantity":NaN}]""") },
            { "POST", "/api/orders", Place(hundredAndOne) },
            { "POST", "/api/orders", Place($$"""[{"sku":"{{Sku}}","quantity":1},{"sku":"{{Sku}}","quantity":2}]""") },
            { "POST", "/api/orders", Place("[]") },
            { "POST", "/api/orders", Place("null") },
            { "POST", "/api/orders", Place("{}") },
            { "POST", "/api/orders", Place("[null]") },
            { "POST", "/api/orders", $$"""{"channel":"web","lines":{{line}}}""" },
            { "POST", "/api/orders", $$"""{"customerId":"{{Customer}}","channel":"web"}""" },
            { "POST", "/api/orders", Place("""[{"sku":"x'; DROP TABLE orders;--","quantity":1}]""") },
            { "POST", "/api/orders", $$"""{"customerId":"<script>alert(1)</script>","channel":"web","lines":{{line}}}""" },
            { "POST", "/api/orders", Place(line, ",\"shippingAddress\":{\"name\":\"<script>alert(1)</script>\",\"phone\":\"1\",\"line1\":\"x\",\"city\":\"y\",\"country\":\"CN\"}") },
            { "POST", "/api/orders", Place(line, ",\"shippingAddress\":{\"name\":\"Li\",\"phone\":\"1\",\"line1\":\"x\",\"city\":\"y\",\"country\":\"China\"}") },
            { "POST", "/api/orders", Place(line, ",\"price\":1") },
            { "POST", "/api/orders", Place($$"""[{"sku":"{{Sku}}","quantity":1,"unitPrice":0.01}]""") },
            { "POST", "/api/orders", Place(deep) },
            { "POST", "/api/orders", Place(line, ",\"shippingAddress\":" + deepObject) },
            { "POST", "/api/orders", "null" },
            { "POST", "/api/orders", "[]" },
            { "POST", "/api/orders", "\"an order\"" },
            { "POST", "/api/orders", "" },
            { "POST", "/api/orders", "{\"customerId\":\"" },
            { "POST", "/api/orders", Place(line, ",\"invoice\":{\"kind\":\"hologram\",\"title\":\"x\"}") },
            { "POST", "/api/orders", $$"""{"customerId":"{{Customer}}","customerId":"other","channel":"web","lines":{{line}}}""" },
            { "POST", "/api/orders", $$"""{"customerId":"","channel":"web","lines":{{line}}}""" },
            { "POST", "/api/orders", Place($$"""[{"sku":"{{new string('S', 65)}}","quantity":1}]""") },
            { "POST", "/api/orders", Place(line, ",\"shippingAddress\":" + Address.Replace("Li Lei", "Li\\u0000Lei", StringComparison.Ordinal)) },
            { "PUT", $"/api/skus/{Sku}", """{"name":"Tea","unitPrice":-1,"taxRate":0.13}""" },
            { "PUT", $"/api/skus/{Sku}", """{"name":"Tea","unitPrice":1.001,"taxRate":0.13}""" },
            { "PUT", $"/api/skus/{Sku}", """{"name":"Tea","unitPrice":1,"taxRate":1.5}""" },
            { "PUT", $"/api/skus/{Sku}", """{"name":"Tea","unitPrice":1,"taxRate":0.13,"currency":"yuan"}""" },
            { "PUT", $"/api/customers/{Customer}", """{"name":"<img src=x onerror=alert(1)>"}""" },
            { "PUT", $"/api/customers/{Customer}", """{"name":"Li","email":"not-an-email"}""" },
            { "POST", $"/api/skus/{Sku}/receipts", """{"warehouse":"SH","quantity":0}""" },
            { "POST", $"/api/skus/{Sku}/receipts", """{"warehouse":"../etc","quantity":5}""" },
            { "POST", $"/api/orders/{Order}/payments", """{"method":"bitcoin","amount":1,"externalRef":"B"}""" },
            { "POST", $"/api/orders/{Order}/payments", """{"method":"card","amount":-5,"externalRef":"C"}""" },
            { "POST", $"/api/orders/{Order}/payments", """{"method":"card","amount":1.001,"externalRef":"C"}""" },
            { "POST", $"/api/orders/{Order}/review", """{"decision":"maybe"}""" },
            { "PUT", $"/api/orders/{Order}/lines", """{"lines":[]}""" },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_bad_body_is_a_400_problem_and_changes_nothing(string method, string path, string body)
    {
        var api = new Api(fixture.CreateClient());
        var sku = await api.Sku("HOSTILE", 10m, ("SH", 10));
        var customer = await api.Customer();
        var order = (await api.Post("/api/orders", Api.OrderJson(customer, (sku, 1)))).Str("orderId");
        var skuBefore = (await api.Get($"/api/skus/{sku}")).Text;
        var customerBefore = (await api.Get($"/api/customers/{customer}")).Text;
        var orderBefore = (await api.Get($"/api/orders/{order}")).Text;

        string Fill(string s) => s.Replace(Sku, sku, StringComparison.Ordinal).Replace(Customer, customer, StringComparison.Ordinal)
            .Replace(Order, order, StringComparison.Ordinal);
        var reply = await api.Send(new HttpMethod(method), Fill(path), Fill(body));

        Assert.True(reply.Status == HttpStatusCode.BadRequest, $"{(int)reply.Status}: {reply.Text}");
        Assert.Equal("application/problem+json", reply.ContentType);
        Assert.False(string.IsNullOrEmpty(reply.Code));
        Assert.DoesNotContain("Exception", reply.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", reply.Text, StringComparison.Ordinal);
        Assert.Equal(skuBefore, (await api.Get($"/api/skus/{sku}")).Text);
        Assert.Equal(customerBefore, (await api.Get($"/api/customers/{customer}")).Text);
        Assert.Equal(orderBefore, (await api.Get($"/api/orders/{order}")).Text);
    }

    [Fact]
    public async Task A_two_mebibyte_body_is_413_and_changes_nothing()
    {
        var api = new Api(fixture.CreateClient());
        var customer = await api.Customer();
        var reply = await api.Post("/api/orders", Place("[]", ",\"padding\":\"" + new string('x', 2 * 1024 * 1024) + "\"").Replace(Customer, customer, StringComparison.Ordinal));
        reply.AssertProblem(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Equal(0, (await api.Get($"/api/customers/{customer}")).Body.GetProperty("orderCount").GetInt32());
    }

    [Fact]
    public async Task A_body_sent_in_pieces_is_read_whole()
    {
        var api = new Api(fixture.CreateClient());
        var sku = await api.Sku("PIECES", 10m, ("WH-1", 5));
        var customer = await api.Customer();
        var reply = await PlaceInPieces(api, Api.OrderJson(customer, (sku, 2)), pieces: 7);

        Assert.True(reply.Status == HttpStatusCode.Created, $"{(int)reply.Status}: {reply.Text}");
        Assert.Equal(3, (await api.StockOf(sku)).GetProperty("available").GetInt32());
    }

    [Fact]
    public async Task A_two_mebibyte_body_without_a_length_is_413_and_changes_nothing()
    {
        var api = new Api(fixture.CreateClient());
        var customer = await api.Customer();
        var json = Place("[]", ",\"padding\":\"" + new string('x', 2 * 1024 * 1024) + "\"").Replace(Customer, customer, StringComparison.Ordinal);
        var reply = await PlaceInPieces(api, json, pieces: 64);

        reply.AssertProblem(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        Assert.Equal(0, (await api.Get($"/api/customers/{customer}")).Body.GetProperty("orderCount").GetInt32());
    }

    private static async Task<Reply> PlaceInPieces(Api api, string json, int pieces)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/orders") { Content = new PiecesContent(json, pieces) };
        request.Headers.Authorization = new("Bearer", "dev-admin");
        using var response = await api.Http.SendAsync(request);
        return new Reply(response.StatusCode, response.Content.Headers.ContentType?.MediaType, null, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// A JSON body written in pieces, each flushed, declaring no length. (The in-memory test server may still
    /// gather it before the host reads it; the real Kestrel host was also checked by hand with chunked requests.)
    /// </summary>
    private sealed class PiecesContent : HttpContent
    {
        private readonly byte[] _bytes;
        private readonly int _pieces;

        public PiecesContent(string json, int pieces)
        {
            _bytes = System.Text.Encoding.UTF8.GetBytes(json);
            _pieces = pieces;
            Headers.ContentType = new("application/json");
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            var size = (_bytes.Length + _pieces - 1) / _pieces;
            for (var at = 0; at < _bytes.Length; at += size)
            {
                await stream.WriteAsync(_bytes.AsMemory(at, Math.Min(size, _bytes.Length - at)));
                await stream.FlushAsync();
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
