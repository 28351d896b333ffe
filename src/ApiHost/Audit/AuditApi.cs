using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.ApiHost.Customers;
using OrderActors.ApiHost.Infrastructure;
using OrderActors.Audit;

namespace OrderActors.ApiHost.Audit;

public static class AuditApi
{
    private const int MaxDays = 92;

    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/audit").WithTags("Audit");
        api.MapGet("/", Search);
        return api;
    }

    /// <summary>Audit entries newest first, filtered by target (e.g. order:01J…), actor and time (default: the last 7 days).</summary>
    public static async Task<Results<Ok<Page<AuditEntry>>, ProblemHttpResult>> Search(
        string? target, string? actor, string? from, string? to, int? limit, IGrainFactory grains, TimeProvider time)
    {
        var errors = new FieldErrors();
        var end = Parse(errors, "to", to) ?? time.GetUtcNow();
        var start = Parse(errors, "from", from) ?? end.AddDays(-7);
        if (start > end)
        {
            errors.Add("from", "Must not be after 'to'.");
        }
        else if (end - start > TimeSpan.FromDays(MaxDays))
        {
            errors.Add("from", $"A search spans at most {MaxDays} days.");
        }

        if (limit is < 1 or > 1000)
        {
            errors.Add("limit", "From 1 to 1000.");
        }

        if (errors.Any)
        {
            return Problems.Validation(errors.ToDictionary());
        }

        var first = DateOnly.FromDateTime(start.UtcDateTime);
        var last = DateOnly.FromDateTime(end.UtcDateTime);
        var keys = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays)
            .SelectMany(day => Enumerable.Range(0, IAuditLogGrain.Shards).Select(shard => AuditTrail.KeyOf(day, shard)));
        var shards = await Task.WhenAll(keys.Select(k => grains.GetGrain<IAuditLogGrain>(k).List()));
        var entries = shards.SelectMany(s => s)
            .Where(e => e.At >= start && e.At <= end && (target is null || e.Target == target) && (actor is null || e.Actor == actor))
            .OrderByDescending(e => e.At).Take(limit ?? 100).ToList();
        return TypedResults.Ok(new Page<AuditEntry>(entries, null));
    }

    private static DateTimeOffset? Parse(FieldErrors errors, string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            return value.Length == 10 && field == "to" ? at.AddDays(1).AddTicks(-1) : at;
        }

        errors.Add(field, "An ISO 8601 date or timestamp.");
        return null;
    }
}
