namespace ActorIpc.Hocon;

/// <summary>Where a value or a problem sits in a document: origin name, 1-based line and column.</summary>
internal readonly record struct Position(string? Origin, int Line, int Column)
{
    public bool IsKnown => Origin is not null || Line > 0;

    public override string ToString() =>
        Line > 0 ? $"{Origin ?? "?"}:{Line}:{Column}" : Origin ?? "?";
}
