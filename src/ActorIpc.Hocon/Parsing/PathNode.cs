namespace ActorIpc.Hocon.Parsing;

/// <summary>
/// The path of the field being parsed, as a chain of keys. Built only when a nested object, an
/// array, a <c>+=</c> or an error needs it, so plain fields cost no path allocation.
/// </summary>
internal sealed class PathNode
{
    public PathNode(PathNode? parent, string[] key)
    {
        Parent = parent;
        Key = key;
    }

    public PathNode? Parent { get; }

    public string[] Key { get; }

    public static string[] ToArray(PathNode? node)
    {
        if (node is null)
        {
            return [];
        }

        if (node.Parent is null)
        {
            return node.Key;
        }

        var parts = new List<string>();
        for (var n = node; n is not null; n = n.Parent)
        {
            for (int i = n.Key.Length - 1; i >= 0; i--)
            {
                parts.Add(n.Key[i]);
            }
        }

        parts.Reverse();
        return parts.ToArray();
    }

    public static string? Render(PathNode? node) => node is null ? null : PathExpression.Render(ToArray(node));
}
