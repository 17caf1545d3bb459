namespace ActorIpc.TestKit;

/// <summary>The default probe's expectations, so tests read <c>await ExpectMsgAsync&lt;Pong&gt;()</c>.</summary>
public partial class TestKitBase
{
    /// <summary>How long an expectation without a duration waits now (see <see cref="TestProbe.Remaining"/>).</summary>
    public TimeSpan Remaining => TestProbe.Remaining;

    /// <inheritdoc cref="TestProbe.ExpectMsgAsync{T}(TimeSpan?, CancellationToken)"/>
    public Task<T> ExpectMsgAsync<T>(TimeSpan? duration = null, CancellationToken cancellationToken = default) =>
        TestProbe.ExpectMsgAsync<T>(duration, cancellationToken);

    /// <inheritdoc cref="TestProbe.ExpectMsgAsync{T}(Predicate{T}, TimeSpan?, string?, CancellationToken)"/>
    public Task<T> ExpectMsgAsync<T>(Predicate<T> isMessage, TimeSpan? duration = null, string? hint = null, CancellationToken cancellationToken = default) =>
        TestProbe.ExpectMsgAsync(isMessage, duration, hint, cancellationToken);

    /// <inheritdoc cref="TestProbe.ExpectMsgAsync{T}(T, TimeSpan?, CancellationToken)"/>
    public Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? duration = null, CancellationToken cancellationToken = default)
        where T : notnull =>
        TestProbe.ExpectMsgAsync(expected, duration, cancellationToken);

    /// <inheritdoc cref="TestProbe.ExpectNoMsgAsync(TimeSpan?, CancellationToken)"/>
    public Task ExpectNoMsgAsync(TimeSpan? duration = null, CancellationToken cancellationToken = default) =>
        TestProbe.ExpectNoMsgAsync(duration, cancellationToken);

    /// <inheritdoc cref="TestProbe.ExpectTerminatedAsync(IActorRef, TimeSpan?, CancellationToken)"/>
    public Task<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? duration = null, CancellationToken cancellationToken = default) =>
        TestProbe.ExpectTerminatedAsync(target, duration, cancellationToken);

    /// <inheritdoc cref="TestProbe.FishForMessageAsync(Predicate{object}, TimeSpan?, string?, CancellationToken)"/>
    public Task<object> FishForMessageAsync(Predicate<object> isMessage, TimeSpan? duration = null, string? hint = null, CancellationToken cancellationToken = default) =>
        TestProbe.FishForMessageAsync(isMessage, duration, hint, cancellationToken);

    /// <inheritdoc cref="TestProbe.FishForMessageAsync{T}(Predicate{T}, TimeSpan?, string?, CancellationToken)"/>
    public Task<T> FishForMessageAsync<T>(Predicate<T> isMessage, TimeSpan? duration = null, string? hint = null, CancellationToken cancellationToken = default) =>
        TestProbe.FishForMessageAsync(isMessage, duration, hint, cancellationToken);

    /// <inheritdoc cref="TestProbe.ReceiveWhileAsync{T}(Predicate{T}, TimeSpan?, TimeSpan?, int, CancellationToken)"/>
    public Task<IReadOnlyList<T>> ReceiveWhileAsync<T>(Predicate<T> shouldContinue, TimeSpan? max = null, TimeSpan? idle = null, int maxMessages = int.MaxValue, CancellationToken cancellationToken = default) =>
        TestProbe.ReceiveWhileAsync(shouldContinue, max, idle, maxMessages, cancellationToken);

    /// <inheritdoc cref="TestProbe.ReceiveNAsync(int, TimeSpan?, CancellationToken)"/>
    public Task<IReadOnlyList<object>> ReceiveNAsync(int count, TimeSpan? duration = null, CancellationToken cancellationToken = default) =>
        TestProbe.ReceiveNAsync(count, duration, cancellationToken);

    /// <inheritdoc cref="TestProbe.WithinAsync(TimeSpan, Func{Task}, CancellationToken)"/>
    public Task WithinAsync(TimeSpan max, Func<Task> block, CancellationToken cancellationToken = default) =>
        TestProbe.WithinAsync(max, block, cancellationToken);

    /// <inheritdoc cref="TestProbe.WithinAsync(TimeSpan, TimeSpan, Func{Task}, CancellationToken)"/>
    public Task WithinAsync(TimeSpan min, TimeSpan max, Func<Task> block, CancellationToken cancellationToken = default) =>
        TestProbe.WithinAsync(min, max, block, cancellationToken);

    /// <inheritdoc cref="TestProbe.WithinAsync{T}(TimeSpan, Func{Task{T}}, CancellationToken)"/>
    public Task<T> WithinAsync<T>(TimeSpan max, Func<Task<T>> block, CancellationToken cancellationToken = default) =>
        TestProbe.WithinAsync(max, block, cancellationToken);
}
