using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ActorIpc;

/// <summary>Parses the address part of an actor path: <c>protocol://system[@host[:port]]</c>.</summary>
internal static class ActorPathParser
{
    public static bool TryParseAddress(string text, [NotNullWhen(true)] out Address? address, out string rest, out string error)
    {
        address = null;
        rest = string.Empty;
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0)
        {
            error = $"invalid actor path '{text}': expected 'protocol://system/...'";
            return false;
        }

        var protocol = text[..scheme];
        var afterScheme = scheme + 3;
        var slash = text.IndexOf('/', afterScheme);
        var authority = slash < 0 ? text[afterScheme..] : text[afterScheme..slash];
        rest = slash < 0 ? string.Empty : text[slash..];

        string system = authority;
        string? host = null;
        int? port = null;
        var at = authority.IndexOf('@');
        if (at >= 0)
        {
            system = authority[..at];
            var endpoint = authority[(at + 1)..];
            var colon = endpoint.LastIndexOf(':');
            if (colon > 0 && endpoint.IndexOf(']', StringComparison.Ordinal) < colon)
            {
                if (!int.TryParse(endpoint.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var p) || p > 65535)
                {
                    error = $"invalid actor path '{text}': the port must be a number from 0 to 65535";
                    return false;
                }

                port = p;
                endpoint = endpoint[..colon];
            }

            if (endpoint.Length == 0)
            {
                error = $"invalid actor path '{text}': empty host after '@'";
                return false;
            }

            host = endpoint;
        }

        if (!ActorName.IsValidSystemName(system, out var reason))
        {
            error = $"invalid actor path '{text}': {reason}";
            return false;
        }

        address = new Address(protocol, system, host, port);
        error = string.Empty;
        return true;
    }
}
