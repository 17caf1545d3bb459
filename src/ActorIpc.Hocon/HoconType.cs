namespace ActorIpc.Hocon;

/// <summary>The kind of a <see cref="HoconValue"/>.</summary>
public enum HoconType
{
    /// <summary>An object: a set of named fields (<see cref="HoconObject"/>).</summary>
    Object,

    /// <summary>An ordered list of values (<see cref="HoconArray"/>).</summary>
    Array,

    /// <summary>A quoted, unquoted or multi-line string (<see cref="HoconString"/>).</summary>
    String,

    /// <summary>An integer or floating-point number (<see cref="HoconNumber"/>).</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c> (<see cref="HoconBoolean"/>).</summary>
    Boolean,

    /// <summary>The <c>null</c> value (<see cref="HoconNull"/>).</summary>
    Null,

    /// <summary>
    /// A substitution or concatenation not yet resolved. Only seen in configs parsed with
    /// <see cref="ConfigParseOptions.Resolve"/> set to <see langword="false"/>; call <see cref="Config.Resolve()"/>.
    /// </summary>
    Unresolved,
}
