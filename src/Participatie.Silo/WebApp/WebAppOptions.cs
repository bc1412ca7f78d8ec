namespace Participatie.Silo.WebApp;

/// <summary>Where the web app's built bundle is and how it signs people in (configuration section <c>WebApp</c>).</summary>
public sealed class WebAppOptions
{
    public const string Section = "WebApp";

    /// <summary>
    /// The folder with the built bundle (index.html and its assets), absolute or relative to the host's folder. The
    /// silo's build copies it to <c>wwwroot</c> beside the silo; tests point at <c>src/Participatie.Web/dist</c>.
    /// </summary>
    public string Root { get; set; } = "wwwroot";

    /// <summary>The OpenID Connect client id the web app signs in with at <c>Auth:Authority</c>.</summary>
    public string ClientId { get; set; } = "participatie-web";

    /// <summary>The scopes the web app asks the identity provider for.</summary>
    public string Scope { get; set; } = "openid profile";

    /// <summary>How long a token of the development sign-in (Local profile only) lasts.</summary>
    public TimeSpan DevelopmentTokenLifetime { get; set; } = TimeSpan.FromHours(1);

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Root))
        {
            yield return $"{Section}:Root must name a folder";
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            yield return $"{Section}:ClientId is required";
        }

        if (DevelopmentTokenLifetime < TimeSpan.FromMinutes(1) || DevelopmentTokenLifetime > TimeSpan.FromHours(8))
        {
            yield return $"{Section}:DevelopmentTokenLifetime must be between 00:01:00 and 08:00:00";
        }
    }
}

/// <summary>Origins of other front ends that may call the API from a browser (configuration <c>Gateway:AllowedOrigins</c>).</summary>
public static class AllowedOrigins
{
    public const string Key = "Gateway:AllowedOrigins";

    public static IEnumerable<string> Problems(IReadOnlyList<string> origins)
    {
        for (var i = 0; i < origins.Count; i++)
        {
            if (!Uri.TryCreate(origins[i], UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
                || uri.PathAndQuery != "/" || origins[i].EndsWith('/'))
            {
                yield return $"{Key}:{i} must be an origin such as https://app.example.nl (scheme, host and port; no path, no trailing slash)";
            }
        }
    }
}
