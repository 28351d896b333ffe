using System.Text.Json;

namespace OrderActors.ApiHost.Infrastructure;

/// <summary>Enum values in query strings, spelled as in JSON bodies (camelCase).</summary>
public static class QueryEnum
{
    public static T? Parse<T>(string value)
        where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => JsonNamingPolicy.CamelCase.ConvertName(v!.Value.ToString()) == value);

    public static string Names<T>()
        where T : struct, Enum =>
        string.Join(", ", Enum.GetValues<T>().Select(v => JsonNamingPolicy.CamelCase.ConvertName(v.ToString())));
}
