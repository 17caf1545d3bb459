namespace ActorIpc;

/// <summary>Builds deciders (exception to <see cref="Directive"/>) from rules.</summary>
public static class Decider
{
    /// <summary>
    /// A decider that applies the first rule whose exception type the failure is assignable to,
    /// and <paramref name="otherwise"/> when none matches.
    /// </summary>
    public static Func<Exception, Directive> From(Directive otherwise, params (Type ExceptionType, Directive Directive)[] rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        foreach (var (type, _) in rules)
        {
            if (!typeof(Exception).IsAssignableFrom(type))
            {
                throw new ArgumentException($"{type.FullName} is not an exception type", nameof(rules));
            }
        }

        var copy = rules.ToArray();
        return cause =>
        {
            foreach (var (type, directive) in copy)
            {
                if (type.IsInstanceOfType(cause))
                {
                    return directive;
                }
            }

            return otherwise;
        };
    }
}
