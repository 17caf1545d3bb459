using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ActorIpc;

/// <summary>
/// What a publisher does with a <see cref="PublishedObjectJsonCall"/> around running the method:
/// picks the method by its name and number of arguments, converts each element of the JSON array
/// to its parameter's type, and writes the result as JSON, all with System.Text.Json's web
/// defaults (camelCase names, read case-insensitively). System.Text.Json builds the types the
/// method declares (and the declared types of their members), never a type the JSON names, so a
/// JSON call needs no allow-list: its arguments and result cross as text.
/// </summary>
internal static class JsonCallBinding
{
    /// <summary>
    /// How arguments are read and results written. Results are for people reading a terminal, not
    /// for a web page: '+', '&lt;' or non-ASCII letters are written as they are, not as \u escapes.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The method <paramref name="call"/> names and its arguments, converted; or why there is none.</summary>
    /// <param name="service">The interface the object is published as.</param>
    /// <param name="call">The call.</param>
    /// <param name="method">The method picked.</param>
    /// <param name="arguments">Its arguments, without the cancellation token.</param>
    /// <param name="refusal">Why the call cannot run: the text the caller's error carries.</param>
    /// <returns>Whether the call can run.</returns>
    public static bool TryBind(
        ServiceInterface service,
        PublishedObjectJsonCall call,
        [NotNullWhen(true)] out ServiceMethod? method,
        out object?[] arguments,
        [NotNullWhen(false)] out string? refusal)
    {
        method = null;
        arguments = [];
        var published = ServiceTypeNames.Display(service.Type);
        if (call.Service is { } expected && expected != service.WireName && expected != published)
        {
            refusal = $"it is published as {service.WireName}, not {expected}";
            return false;
        }

        if (ParseArguments(call.Arguments, out var problem) is not { } document)
        {
            refusal = problem!;
            return false;
        }

        using (document)
        {
            var elements = document.RootElement.EnumerateArray().ToArray();
            refusal = Pick(service, published, call.Method, elements.Length, out method);
            if (refusal is not null)
            {
                return false;
            }

            var parameters = method!.Method.GetParameters();
            arguments = new object?[elements.Length];
            for (var i = 0; i < elements.Length; i++)
            {
                try
                {
                    arguments[i] = elements[i].Deserialize(parameters[i].ParameterType, Options);
                }
                catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
                {
                    refusal = $"argument {i + 1} ({ServiceTypeNames.Display(parameters[i].ParameterType)} {parameters[i].Name}) of {Describe(published, method)} "
                        + $"cannot be read from {elements[i].GetRawText()}: {e.Message}";
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>The arguments' JSON parsed, when it is one array; else <see langword="null"/> and why not.</summary>
    public static JsonDocument? ParseArguments(string arguments, out string? problem)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(arguments);
        }
        catch (JsonException e)
        {
            problem = $"the arguments are not JSON: {e.Message}";
            return null;
        }

        if (document.RootElement.ValueKind == JsonValueKind.Array)
        {
            problem = null;
            return document;
        }

        problem = $"the arguments are one JSON array, such as [2, 3] or [] for none, not a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}";
        document.Dispose();
        return null;
    }

    /// <summary>The result as JSON: <c>null</c> for a method without one.</summary>
    /// <exception cref="Exception">System.Text.Json could not write it (a cycle, a type it does not support).</exception>
    public static string Write(object? result) =>
        result is null ? "null" : JsonSerializer.Serialize(result, result.GetType(), Options);

    /// <summary>A method as a JSON caller sees it: <c>ICalculator: Task&lt;int&gt; AddAsync(int a, int b)</c>, without its token.</summary>
    public static string Describe(string published, ServiceMethod method)
    {
        var parameters = method.Method.GetParameters().Take(method.ArgumentCount)
            .Select(p => $"{ServiceTypeNames.Display(p.ParameterType)} {p.Name}");
        return $"{published}.{method.Method.Name}({string.Join(", ", parameters)})";
    }

    private static string? Pick(ServiceInterface service, string published, string name, int count, out ServiceMethod? method)
    {
        method = null;

        // The name as declared, else with the Async suffix the convention adds: 'invoke calc Add'.
        var named = service.Methods.Where(m => m.Method.Name == name).ToArray();
        if (named.Length == 0)
        {
            named = [.. service.Methods.Where(m => m.Method.Name == name + "Async")];
        }

        if (named.Length == 0)
        {
            return $"{published} has no method {name}; its methods: {List(published, service.Methods)}";
        }

        var fitting = named.Where(m => m.ArgumentCount == count).ToArray();
        if (fitting.Length == 1)
        {
            method = fitting[0];
            return null;
        }

        return fitting.Length == 0
            ? $"no {published}.{named[0].Method.Name} takes {count} argument{(count == 1 ? "" : "s")}: {List(published, named)}"
            : $"{fitting.Length} overloads of {published}.{named[0].Method.Name} take {count} argument{(count == 1 ? "" : "s")}, "
              + $"and a JSON call tells methods apart by their name and number of arguments only: {List(published, fitting)}";
    }

    private static string List(string published, IEnumerable<ServiceMethod> methods) =>
        string.Join("; ", methods.Select(m => Describe(published, m)));
}
