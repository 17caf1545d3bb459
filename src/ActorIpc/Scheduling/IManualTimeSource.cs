namespace ActorIpc.Scheduling;

/// <summary>
/// A clock that moves only when told to: the TestKit's <c>ManualClock</c>. An actor system
/// created with one runs its scheduler on it (see <see cref="ActorSystem.TimeProvider"/>).
/// </summary>
internal interface IManualTimeSource
{
    /// <summary>
    /// Calls <paramref name="moved"/> with the length of every later move, on the thread that
    /// moved the clock, once the clock shows the new time. Disposing the result stops the calls.
    /// </summary>
    IDisposable Subscribe(Action<TimeSpan> moved);
}
