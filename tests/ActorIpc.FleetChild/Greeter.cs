namespace ActorIpc.FleetChild;

/// <summary>Greets from the replica that answers.</summary>
public sealed class Greeter(string who) : IGreeter
{
    public Task<string> GreetAsync(string name) => Task.FromResult($"hello {name} from {who}");
}
