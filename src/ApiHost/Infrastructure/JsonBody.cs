using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using OrderActors.Common;

namespace OrderActors.ApiHost.Infrastructure;

/// <summary>Parses a JSON request body, turning every way it can be wrong into a 4xx problem.</summary>
public static partial class JsonBody
{
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadAsync<T>(HttpContext http)
        where T : class
    {
        var body = await RequestBody.ReadAsync(http);
        if (body is null)
        {
            return (null, Problems.Of(ErrorCodes.PayloadTooLarge, $"The request body is larger than {RequestBody.Limit} bytes."));
        }

        if (body.Length == 0)
        {
            return (null, Problems.Validation(new Dictionary<string, string[]> { ["body"] = ["A JSON body is required."] }));
        }

        try
        {
            var value = JsonSerializer.Deserialize<T>(body, ApiJson.Options);
            return value is null
                ? (null, Problems.Validation(new Dictionary<string, string[]> { ["body"] = ["A JSON object is required."] }))
                : (value, null);
        }
        catch (JsonException ex)
        {
            var (field, message) = Describe(ex);
            return (null, Problems.Validation(new Dictionary<string, string[]> { [field] = [message] }));
        }
    }

    /// <summary>A field name and a message a client can act on, without .NET type names.</summary>
    public static (string Field, string Message) Describe(JsonException ex)
    {
        var path = FieldOf(ex.Path);
        var text = ex.Message;
        if (UnmappedProperty().Match(text) is { Success: true } unmapped)
        {
            var name = unmapped.Groups[1].Value;
            return (path == "body" ? name : path, $"Unknown field '{name}'.");
        }

        if (text.Contains("maximum configured depth", StringComparison.Ordinal))
        {
            return (path, $"JSON is nested deeper than {ApiJson.MaxDepth} levels.");
        }

        if (MissingRequired().Match(text) is { Success: true } missing)
        {
            return (path, $"Missing required field(s): {missing.Groups[1].Value}.");
        }

        if (text.Contains("could not be converted", StringComparison.Ordinal) || text.Contains("null", StringComparison.OrdinalIgnoreCase))
        {
            return (path, "Invalid value or wrong type for this field.");
        }

        return (path, "The body is not valid JSON.");
    }

    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    [GeneratedRegex("property '([^']+)' could not be mapped")]
    private static partial Regex UnmappedProperty();

    [GeneratedRegex("missing required properties including: (.+)\\.")]
    private static partial Regex MissingRequired();
}
