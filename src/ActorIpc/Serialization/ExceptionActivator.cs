using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Serialization;

namespace ActorIpc.Serialization;

/// <summary>
/// Creates an instance of a given exception type from what arrived: through the constructor whose
/// parameters all match values that arrived (by name, case-insensitively: <c>message</c>,
/// <c>innerException</c> or <c>inner</c>, <c>innerExceptions</c>, and the properties, as
/// <c>paramName</c> matches <c>ParamName</c>; and by type), the one that takes the most values; without
/// one, as an uninitialized instance on which <c>Exception(string, Exception)</c> runs. The
/// properties no constructor parameter took are then set through their setter or the compiler's
/// backing field. Type checks and the choice of the type are the caller's.
/// </summary>
internal static class ExceptionActivator
{
    private static readonly ConstructorInfo BaseConstructor =
        typeof(Exception).GetConstructor([typeof(string), typeof(Exception)])!;

    /// <summary>Creates the exception.</summary>
    /// <param name="type">A concrete type deriving from <see cref="Exception"/>.</param>
    /// <param name="message">The message as created on the sending side.</param>
    /// <param name="inners">The inner exceptions, re-created.</param>
    /// <param name="properties">The properties that arrived, exceptions among their values re-created.</param>
    /// <returns>The exception.</returns>
    /// <exception cref="TargetInvocationException">The constructor threw.</exception>
    public static Exception Create(Type type, string? message, IReadOnlyList<Exception> inners, IReadOnlyList<KeyValuePair<string, WireValue>> properties)
    {
        var arguments = new Dictionary<string, WireValue>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in properties)
        {
            arguments.TryAdd(name, value);
        }

        arguments["message"] = WireValue.Of(message, message);
        arguments["innerExceptions"] = WireValue.Of(inners.ToArray(), null);
        if (inners.Count <= 1)
        {
            // An aggregate's several inner exceptions go only to a parameter that takes them all.
            arguments["innerException"] = arguments["inner"] = WireValue.Of(inners.FirstOrDefault(), null);
        }

        var consumed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var exception = Construct(type, arguments, consumed, message, inners);

        // The message as the sender created it, also where the constructor composes its own
        // from its parameters (a constructor that took the message may have decorated it).
        if (ExceptionInternals.RawMessage(exception) != message)
        {
            ExceptionInternals.TrySetRawMessage(exception, message);
        }

        if (inners.Count > 0 && exception.InnerException is null)
        {
            ExceptionInternals.TrySetInnerException(exception, inners[0]);
        }

        foreach (var (name, value) in properties)
        {
            if (!consumed.Contains(name))
            {
                TrySetProperty(exception, name, value);
            }
        }

        return exception;
    }

    /// <summary>Converts what arrived to a value of <paramref name="target"/>, where it is one.</summary>
    /// <param name="value">The value.</param>
    /// <param name="target">The type of the parameter or property it is for.</param>
    /// <param name="result">The converted value.</param>
    /// <returns>Whether the value fits.</returns>
    public static bool TryConvert(WireValue value, Type target, out object? result)
    {
        result = null;
        if (!value.IsAvailable)
        {
            return false;
        }

        switch (value.Value)
        {
            case null:
                return !target.IsValueType || Nullable.GetUnderlyingType(target) is not null;
            case WireEnum wireEnum when (Nullable.GetUnderlyingType(target) ?? target) is { IsEnum: true } enumType:
                result = Enum.ToObject(enumType, wireEnum.Value);
                return true;
            case var available when target.IsInstanceOfType(available):
                result = available;
                return true;
            default:
                return false;
        }
    }

    private static Exception Construct(
        Type type, Dictionary<string, WireValue> arguments, HashSet<string> consumed, string? message, IReadOnlyList<Exception> inners)
    {
        // The constructor that carries the most of what arrived wins: first by the values that
        // are not null (ArgumentNullException(paramName, message) over (message, innerException)
        // when there is no inner exception), then by its number of parameters.
        ConstructorInfo? best = null;
        object?[]? bestArguments = null;
        var bestScore = (Values: -1, Parameters: -1);
        foreach (var constructor in type.GetConstructors(BindingFlags.Public | BindingFlags.Instance))
        {
            if (TryMatch(constructor.GetParameters(), arguments) is not { } matched)
            {
                continue;
            }

            var score = (Values: matched.Count(value => value is not null), Parameters: matched.Length);
            if (score.CompareTo(bestScore) > 0)
            {
                (best, bestArguments, bestScore) = (constructor, matched, score);
            }
        }

        if (best is not null)
        {
            foreach (var parameter in best.GetParameters())
            {
                consumed.Add(parameter.Name!);
            }

            return (Exception)best.Invoke(bestArguments);
        }

        // No constructor fits: the instance is made without one, and Exception's own constructor
        // gives it its message and inner exception; the type's fields keep their zero values
        // until the properties are set.
        var exception = (Exception)RuntimeHelpers.GetUninitializedObject(type);
        BaseConstructor.Invoke(exception, [message, inners.FirstOrDefault()]);
        return exception;
    }

    private static object?[]? TryMatch(ParameterInfo[] parameters, Dictionary<string, WireValue> arguments)
    {
        var values = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            if (parameter.ParameterType == typeof(SerializationInfo)
                || parameter.Name is not { } name
                || !arguments.TryGetValue(name, out var argument)
                || !TryConvert(argument, parameter.ParameterType, out values[i]))
            {
                return null;
            }
        }

        return values;
    }

    private static void TrySetProperty(Exception exception, string name, WireValue value)
    {
        var property = exception.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => p.Name == name && p.GetIndexParameters().Length == 0);
        if (property is null || !TryConvert(value, property.PropertyType, out var converted))
        {
            return;
        }

        try
        {
            if (Equals(property.GetValue(exception), converted))
            {
                return;
            }

            if (property.GetSetMethod(nonPublic: true) is { } setter)
            {
                setter.Invoke(exception, [converted]);
            }
            else
            {
                property.DeclaringType?
                    .GetField($"<{name}>k__BackingField", BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly)?
                    .SetValue(exception, converted);
            }
        }
        catch (Exception e) when (e is TargetInvocationException or ArgumentException or FieldAccessException)
        {
            // A getter or setter that refuses leaves the value the constructor gave.
        }
    }
}
