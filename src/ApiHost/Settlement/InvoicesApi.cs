using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.ApiHost.Audit;
using OrderActors.ApiHost.Infrastructure;
using OrderActors.Common;
using OrderActors.Orders;
using OrderActors.Settlement;

namespace OrderActors.ApiHost.Settlement;

public sealed record IssueInvoiceRequest(InvoiceKind? Kind, string? Title, string? TaxId, string? Email);

public static class InvoicesApi
{
    public static RouteGroupBuilder MapInvoicesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/orders/{orderId}/invoices", Issue).WithTags("Settlement").Accepts<IssueInvoiceRequest>("application/json")
            .Idempotent().Audited("order.invoice");
        var api = app.MapGroup("/api/invoices").WithTags("Settlement");
        api.MapGet("/{number}", Get).Produces<Invoice>().Produces<string>(contentType: "text/html");
        return api;
    }

    public static async Task<Results<Created<OrderSnapshot>, ProblemHttpResult>> Issue(string orderId, HttpContext http, IGrainFactory grains)
    {
        var (body, problem) = await JsonBody.ReadAsync<IssueInvoiceRequest>(http);
        if (problem is not null)
        {
            return problem;
        }

        var errors = new FieldErrors();
        errors.Required("kind", body!.Kind);
        errors.Text("title", body.Title, 200, required: true);
        errors.Text("taxId", body.TaxId, 32, required: false);
        errors.Text("email", body.Email, 254, required: false);
        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        if (!FieldErrors.IsId(orderId))
        {
            return Problems.NotFound($"Order '{orderId}'");
        }

        var result = await grains.GetGrain<IOrderGrain>(orderId)
            .IssueInvoice(new InvoiceRequest(body.Kind!.Value, body.Title!.Trim(), body.TaxId, body.Email), Actor.Of(http));
        return result.Failure is { } failure ? Problems.From(failure) : TypedResults.Created($"/api/orders/{orderId}", result.Order!);
    }

    public static async Task<Results<Ok<Invoice>, ContentHttpResult, ProblemHttpResult>> Get(string number, HttpContext http, IGrainFactory grains)
    {
        var invoice = InvoiceNumbers.BookOf(number) is { } book ? await grains.GetGrain<IInvoiceBookGrain>(book).Get(number) : null;
        if (invoice is null)
        {
            return Problems.NotFound($"Invoice '{number}'");
        }

        var wantsHtml = http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        return wantsHtml ? TypedResults.Content(Html(invoice), "text/html; charset=utf-8") : TypedResults.Ok(invoice);
    }

    /// <summary>A printable page; every value is HTML-encoded.</summary>
    private static string Html(Invoice invoice)
    {
        var e = HtmlEncoder.Default;
        string M(decimal v) => v.ToString("#,0.00", CultureInfo.InvariantCulture);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{e.Encode(invoice.Number)}}</title>
            <style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}td,th{border:1px solid #999;padding:4px 10px;text-align:right}</style>
            </head><body>
            <h1>{{(invoice.IsCreditNote ? "红字发票 Credit note" : "发票 Invoice")}} {{e.Encode(invoice.Number)}}</h1>
            <p>{{(invoice.Kind == InvoiceKind.Paper ? "纸质 Paper" : "电子 Electronic")}} · issued {{invoice.IssuedAt.UtcDateTime:yyyy-MM-dd HH:mm}} UTC · order {{e.Encode(invoice.OrderId)}}</p>
            <p>Buyer: {{e.Encode(invoice.Title)}}{{(invoice.TaxId is null ? "" : " · tax id " + e.Encode(invoice.TaxId))}}</p>
            """);
        if (invoice.Corrects is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>Corrects invoice {e.Encode(invoice.Corrects)}</p>");
        }

        html.Append("<table><tr><th>VAT rate</th><th>Net</th><th>VAT</th><th>Gross</th></tr>");
        foreach (var line in invoice.Lines)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{line.TaxRate:P0}</td><td>{M(line.Net)}</td><td>{M(line.Tax)}</td><td>{M(line.Gross)}</td></tr>");
        }

        html.Append(CultureInfo.InvariantCulture,
            $"<tr><th>Total {e.Encode(invoice.Currency)}</th><th>{M(invoice.Net)}</th><th>{M(invoice.Tax)}</th><th>{M(invoice.Gross)}</th></tr></table></body></html>");
        return html.ToString();
    }
}
