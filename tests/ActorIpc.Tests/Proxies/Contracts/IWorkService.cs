namespace ActorIpc.Tests.Proxies.Contracts;

/// <summary>Calls that hold, meet, fail and are cancelled.</summary>
public interface IWorkService
{
    /// <summary>Tells the test it holds the call, and answers when the token is cancelled (then with "cancelled").</summary>
    Task<string> HoldAsync(string text, CancellationToken cancellationToken);

    /// <summary>Tells the test it holds the call, and answers when the test releases it.</summary>
    Task<string> WaitForReleaseAsync(string text);

    /// <summary>Answers once two calls are in it at the same time.</summary>
    Task<string> MeetAsync(string who);

    /// <summary>Throws a <see cref="LedgerException"/> after an await.</summary>
    Task FailAsync(string reason, int code);

    /// <summary>Gives up with an <see cref="OperationCanceledException"/> of its own: the caller did not cancel.</summary>
    Task GiveUpAsync(string reason);

    /// <summary>Throws before it returns a task: it is not async.</summary>
    Task<int> ThrowAtOnceAsync();
}
