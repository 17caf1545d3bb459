namespace ActorIpc;

/// <summary>The rules for actor names, path elements and actor system names.</summary>
internal static class ActorName
{
    /// <summary>The characters besides ASCII letters and digits that a name may hold.</summary>
    public const string AllowedPunctuation = "-_.:@&=+,!~*'$;()%";

    /// <summary>Throws unless <paramref name="name"/> is a valid name for a user-created actor.</summary>
    public static void ValidateActorName(string? name)
    {
        if (!IsValidPathElement(name, out var reason))
        {
            throw new InvalidActorNameException(name, reason);
        }

        if (name![0] == '$')
        {
            throw new InvalidActorNameException(name, "names starting with '$' are reserved for names the system generates");
        }
    }

    /// <summary>Throws unless <paramref name="name"/> is a valid path element (system-generated names included).</summary>
    public static void ValidatePathElement(string? name)
    {
        if (!IsValidPathElement(name, out var reason))
        {
            throw new InvalidActorNameException(name, reason);
        }
    }

    public static bool IsValidPathElement(string? name, out string reason)
    {
        if (string.IsNullOrEmpty(name))
        {
            reason = "a name must not be empty";
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (!char.IsAsciiLetterOrDigit(c) && !AllowedPunctuation.Contains(c, StringComparison.Ordinal))
            {
                reason = $"'{c}' at position {i} is not allowed in the name '{name}' (allowed: ASCII letters, digits and {AllowedPunctuation})";
                return false;
            }
        }

        reason = string.Empty;
        return true;
    }

    public static bool IsValidSystemName(string? name, out string reason)
    {
        if (string.IsNullOrEmpty(name))
        {
            reason = "an actor system name must not be empty";
            return false;
        }

        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var ok = char.IsAsciiLetterOrDigit(c) || ((c == '-' || c == '_') && i > 0);
            if (!ok)
            {
                reason = $"'{c}' at position {i} is not allowed in the actor system name '{name}' (allowed: ASCII letters and digits, and '-' or '_' after the first character)";
                return false;
            }
        }

        reason = string.Empty;
        return true;
    }
}
