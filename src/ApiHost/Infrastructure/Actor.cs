using OrderActors.ApiHost.Security;

namespace OrderActors.ApiHost.Infrastructure;

/// <summary>The name recorded as actor in histories and audit entries: the authenticated principal.</summary>
public static class Actor
{
    public static string Of(HttpContext http) => Caller.Of(http).Name;
}
