using ActorIpc.Hocon.Rendering;

namespace ActorIpc.Hocon;

/// <summary>
/// A value in a HOCON document: an object, array, string, number, boolean or null. Values are
/// immutable and remember where they were written (origin, line, column) for error messages.
/// </summary>
public abstract class HoconValue
{
    private protected HoconValue(in Position position)
    {
        Origin = position.Origin;
        Line = position.Line;
        Column = position.Column;
    }

    /// <summary>The kind of this value.</summary>
    public abstract HoconType Type { get; }

    /// <summary>The file or origin name the value was read from, or <see langword="null"/> if unknown.</summary>
    public string? Origin { get; }

    /// <summary>The 1-based line where the value starts, or 0 if unknown.</summary>
    public int Line { get; }

    /// <summary>The 1-based column where the value starts, or 0 if unknown.</summary>
    public int Column { get; }

    internal Position Position => new(Origin, Line, Column);

    /// <summary>True for the internal substitution, concatenation and merge-stack nodes.</summary>
    internal virtual bool IsUnresolvedNode => false;

    /// <summary>True when this value or anything inside it still needs substitution resolution.</summary>
    internal virtual bool NeedsResolution => IsUnresolvedNode;

    /// <summary>Renders the value as HOCON text (objects without their outer braces are not used here).</summary>
    /// <returns>The HOCON rendering of this value.</returns>
    public override string ToString() => HoconRenderer.RenderValue(this);
}
