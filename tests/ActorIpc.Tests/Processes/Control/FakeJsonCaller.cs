using ActorIpc.Serialization;

namespace ActorIpc.Tests.Processes.Control;

/// <summary>
/// Stands for published objects' JSON calls: <c>calc.Add</c> adds its two arguments, <c>calc.Fail</c>
/// throws as a callee's exception arrives, and arguments that are not an array are refused.
/// </summary>
internal sealed class FakeJsonCaller : IJsonCaller
{
    public List<(string Name, string Method, string Arguments, string? Service, TimeSpan? Timeout)> Calls { get; } = [];

    public Task<string> CallJsonAsync(string name, string method, string arguments, string? service = null, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        lock (Calls)
        {
            Calls.Add((name, method, arguments, service, timeout));
        }

        if (!arguments.StartsWith('['))
        {
            throw new ArgumentException($"the arguments of {name}.{method} are a JSON array, not {arguments}", nameof(arguments));
        }

        return method switch
        {
            "Add" => Task.FromResult(System.Text.Json.JsonSerializer.Deserialize<int[]>(arguments)!.Sum().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "Fail" => Task.FromException<string>(new RemoteException("Calc.OverflowException", "too big", null)),
            _ => Task.FromException<string>(new NotSupportedException($"no method {method}")),
        };
    }
}
