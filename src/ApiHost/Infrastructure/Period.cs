using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace OrderActors.ApiHost.Infrastructure;

/// <summary>A reporting period from query strings: ISO 8601 dates or timestamps; a date as 'to' includes that day.</summary>
public static class Period
{
    public static (DateTimeOffset? From, DateTimeOffset? To) Parse(string? from, string? to, TimeProvider time, TimeSpan defaultLength)
    {
        var end = to is null ? time.GetUtcNow() : At(to, endOfDay: true);
        var start = from is null ? end - defaultLength : At(from, endOfDay: false);
        return start <= end ? (start, end) : (null, null);
    }

    public static ProblemHttpResult Invalid() =>
        Problems.Validation(new Dictionary<string, string[]> { ["from"] = ["'from' and 'to' are ISO 8601 dates or timestamps, 'from' first, within a year."] });

    private static DateTimeOffset? At(string value, bool endOfDay) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? value.Length == 10 && endOfDay ? at.AddDays(1).AddTicks(-1) : at
            : null;
}
