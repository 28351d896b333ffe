namespace OrderActors.ApiHost.Operations;

/// <summary>
/// <c>--health-probe</c>: asks this host's own readiness endpoint and exits 0 or 1, for container health
/// checks in images that carry no curl.
/// </summary>
public static class HealthProbe
{
    public static async Task<int> Run()
    {
        var urls = Environment.GetEnvironmentVariable("ASPNETCORE_URLS") ?? "http://localhost:5080";
        var baseUrl = urls.Split(';')[0].Replace("+", "localhost", StringComparison.Ordinal).Replace("*", "localhost", StringComparison.Ordinal);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(new Uri(new Uri(baseUrl), "/health/ready"));
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (HttpRequestException)
        {
            return 1;
        }
        catch (TaskCanceledException)
        {
            return 1;
        }
    }
}
