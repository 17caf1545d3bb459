using System.Diagnostics;

namespace ActorIpc.TestKit;

/// <summary>Expectations about the next message.</summary>
public sealed partial class TestProbe
{
    /// <summary>Takes the next message and checks that it is a <typeparamref name="T"/>.</summary>
    /// <param name="duration">How long to wait (dilated); null: the time left in <c>WithinAsync</c>, or the dilated single-expect default.</param>
    /// <param name="cancellationToken">Cancels the wait (an <see cref="OperationCanceledException"/>, not a failure).</param>
    /// <returns>The message.</returns>
    /// <exception cref="TestKitAssertionException">No message arrived in time, or it was of another type.</exception>
    public Task<T> ExpectMsgAsync<T>(TimeSpan? duration = null, CancellationToken cancellationToken = default) =>
        ExpectAsync<T>($"ExpectMsgAsync<{Describe.Type(typeof(T))}>", $"a message of type {Describe.Type(typeof(T))}", duration, null, cancellationToken);

    /// <summary>Takes the next message and checks that it is a <typeparamref name="T"/> for which <paramref name="isMessage"/> holds.</summary>
    /// <param name="isMessage">The condition the message must meet.</param>
    /// <param name="duration">How long to wait (dilated); null: the time left in <c>WithinAsync</c>, or the dilated single-expect default.</param>
    /// <param name="hint">Describes the condition in the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The message.</returns>
    /// <exception cref="TestKitAssertionException">No message arrived in time, it was of another type, or it did not meet the condition.</exception>
    public Task<T> ExpectMsgAsync<T>(Predicate<T> isMessage, TimeSpan? duration = null, string? hint = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(isMessage);
        var what = $"a message of type {Describe.Type(typeof(T))} matching the predicate{Hint(hint)}";
        return ExpectAsync($"ExpectMsgAsync<{Describe.Type(typeof(T))}>", what, duration, isMessage, cancellationToken);
    }

    /// <summary>Takes the next message and checks that it equals <paramref name="expected"/> (by <see cref="object.Equals(object)"/>).</summary>
    /// <param name="expected">The message expected.</param>
    /// <param name="duration">How long to wait (dilated); null: the time left in <c>WithinAsync</c>, or the dilated single-expect default.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The message received.</returns>
    /// <exception cref="TestKitAssertionException">No message arrived in time, or it did not equal <paramref name="expected"/>.</exception>
    public Task<T> ExpectMsgAsync<T>(T expected, TimeSpan? duration = null, CancellationToken cancellationToken = default)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(expected);
        var what = Describe.Message(expected);
        if (!what.StartsWith(Describe.Type(expected.GetType()), StringComparison.Ordinal))
        {
            what += $" (a {Describe.Type(expected.GetType())})";
        }

        return ExpectAsync<T>($"ExpectMsgAsync<{Describe.Type(typeof(T))}>", what, duration, m => expected.Equals(m), cancellationToken);
    }

    /// <summary>
    /// Waits <paramref name="duration"/> and checks that no message arrives meanwhile. A message
    /// that does arrive is taken and named in the failure.
    /// </summary>
    /// <param name="duration">How long to wait (dilated); null: the dilated expect-no-message default, cut to the time left inside <c>WithinAsync</c>.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <exception cref="TestKitAssertionException">A message arrived.</exception>
    public async Task ExpectNoMsgAsync(TimeSpan? duration = null, CancellationToken cancellationToken = default)
    {
        const string Operation = "ExpectNoMsgAsync";
        var scope = _within.Value;
        var wait = duration is { } given ? _settings.Dilate(given) : _settings.Dilate(_settings.ExpectNoMessageDefault);
        var toDeadline = duration is null && scope is not null && scope.Deadline.Remaining <= wait;
        var deadline = toDeadline ? scope!.Deadline : Deadline.After(wait);
        var started = Stopwatch.GetTimestamp();

        EnterRead(Operation);
        try
        {
            if (await NextAsync(Operation, deadline, cancellationToken).ConfigureAwait(false) is { } item)
            {
                Take(item);
                throw new TestKitAssertionException(
                    $"{Operation}: expected no message for {Describe.Ms(wait)}{Origin(duration)}, got {Describe.Received(item)} after {Describe.Ms(Stopwatch.GetElapsedTime(started))}");
            }

            if (toDeadline)
            {
                scope!.QuietUntilDeadline = true;
            }
        }
        finally
        {
            ExitRead();
        }
    }

    /// <summary>Takes the next message and checks that it is the <see cref="Terminated"/> of <paramref name="target"/> (watch it first with <see cref="Watch"/>).</summary>
    /// <param name="target">The actor whose termination is expected.</param>
    /// <param name="duration">How long to wait (dilated); null: the time left in <c>WithinAsync</c>, or the dilated single-expect default.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The <see cref="Terminated"/> message.</returns>
    /// <exception cref="TestKitAssertionException">No message arrived in time, or it was something else.</exception>
    public Task<Terminated> ExpectTerminatedAsync(IActorRef target, TimeSpan? duration = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        return ExpectAsync<Terminated>("ExpectTerminatedAsync", $"Terminated of {target}", duration, t => t.ActorRef.Equals(target), cancellationToken);
    }

    private static string Hint(string? hint) => string.IsNullOrEmpty(hint) ? string.Empty : $" ({hint})";

    private async Task<T> ExpectAsync<T>(string operation, string what, TimeSpan? duration, Predicate<T>? isMessage, CancellationToken cancellationToken)
    {
        var max = RemainingOrDilated(duration);
        EnterRead(operation);
        try
        {
            var item = await NextAsync(operation, Deadline.After(max), cancellationToken).ConfigureAwait(false)
                ?? throw new TestKitAssertionException($"{operation}: timed out after {Describe.Ms(max)}{Origin(duration)} waiting for {what}");
            Take(item);
            if (item.Message is not T message || (isMessage is not null && !isMessage(message)))
            {
                throw new TestKitAssertionException($"{operation}: expected {what}, got {Describe.Received(item)}");
            }

            return message;
        }
        finally
        {
            ExitRead();
        }
    }
}
