using Microsoft.AspNetCore.Hosting;

namespace OrderActors.Tests.Security;

/// <summary>A host of its own with extra settings (and environment), for limits and start-up rules.</summary>
public sealed class ConfiguredHost(string environment, params (string Key, string Value)[] settings) : ApiFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
