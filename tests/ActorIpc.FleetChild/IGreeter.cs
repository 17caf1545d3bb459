namespace ActorIpc.FleetChild;

/// <summary>The object a serving child publishes as <see cref="ChildConfig.GreeterName"/>, for <c>actoripc invoke</c>.</summary>
public interface IGreeter
{
    /// <summary>Answers <c>hello NAME from NAME#REPLICA:PID:ROLES</c>.</summary>
    Task<string> GreetAsync(string name);
}
