namespace ActorIpc.Tests.Serialization;

/// <summary>Exceptions as a process sends them: thrown, so that they carry a stack trace.</summary>
internal static class Throwing
{
    /// <summary>Runs <paramref name="thrower"/> and returns what it threw.</summary>
    public static Exception Catch(Action thrower)
    {
        try
        {
            thrower();
        }
        catch (Exception e)
        {
            return e;
        }

        throw new InvalidOperationException("did not throw");
    }
}
