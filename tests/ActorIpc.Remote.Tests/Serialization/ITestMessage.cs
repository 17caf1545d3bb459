namespace ActorIpc.Remote.Tests.Serialization;

/// <summary>The marker the test configuration binds to json, as an application binds its message interface.</summary>
public interface ITestMessage;
