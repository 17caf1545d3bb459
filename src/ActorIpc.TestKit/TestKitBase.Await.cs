using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace ActorIpc.TestKit;

/// <summary>Waiting for state that changes eventually, by retrying a check.</summary>
public partial class TestKitBase
{
    // Short enough that a test does not idle long after the state changed.
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Runs <paramref name="assertion"/> until it stops throwing or the time is up, then rethrows
    /// its last failure.
    /// </summary>
    /// <param name="assertion">The check; it throws while the state is not there yet.</param>
    /// <param name="duration">How long to retry (dilated); null: the time left in <c>WithinAsync</c>, or the dilated single-expect default.</param>
    /// <param name="interval">The pause between attempts (not dilated); 50 ms when null.</param>
    /// <param name="cancellationToken">Cancels the retries.</param>
    /// <returns>A task that completes when the assertion passes.</returns>
    public Task AwaitAssertAsync(Action assertion, TimeSpan? duration = null, TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        return AwaitAssertAsync(
            () =>
            {
                assertion();
                return Task.CompletedTask;
            },
            duration,
            interval,
            cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="assertion"/> until its task stops failing or the time is up, then
    /// rethrows its last failure.
    /// </summary>
    /// <param name="assertion">The check; its task fails while the state is not there yet.</param>
    /// <param name="duration">How long to retry (dilated); null: the time left in <c>WithinAsync</c>, or the dilated single-expect default.</param>
    /// <param name="interval">The pause between attempts (not dilated); 50 ms when null.</param>
    /// <param name="cancellationToken">Cancels the retries.</param>
    /// <returns>A task that completes when the assertion passes.</returns>
    public async Task AwaitAssertAsync(Func<Task> assertion, TimeSpan? duration = null, TimeSpan? interval = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(assertion);
        var (deadline, pause) = Retrying(duration, interval);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Exception failure;
            try
            {
                await assertion().ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failure = e;
            }

            var left = deadline.Remaining;
            if (left <= TimeSpan.Zero)
            {
                // The assertion's own exception, stack intact, says best what is still wrong.
                ExceptionDispatchInfo.Throw(failure);
            }

            await Task.Delay(left < pause ? left : pause, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Checks <paramref name="condition"/> until it holds or the time is up.</summary>
    /// <param name="condition">The condition awaited.</param>
    /// <param name="duration">How long to wait (dilated); null: the time left in <c>WithinAsync</c>, or the dilated single-expect default.</param>
    /// <param name="interval">The pause between checks (not dilated); 50 ms when null.</param>
    /// <param name="message">What the condition means, for the failure message.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>A task that completes when the condition holds.</returns>
    /// <exception cref="TestKitAssertionException">The condition did not hold in time.</exception>
    public async Task AwaitConditionAsync(Func<bool> condition, TimeSpan? duration = null, TimeSpan? interval = null, string? message = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var started = Stopwatch.GetTimestamp();
        var (deadline, pause) = Retrying(duration, interval);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (condition())
            {
                return;
            }

            var left = deadline.Remaining;
            if (left <= TimeSpan.Zero)
            {
                var what = string.IsNullOrEmpty(message) ? string.Empty : ": " + message;
                throw new TestKitAssertionException(
                    $"AwaitConditionAsync: the condition was still false after {Describe.Ms(Stopwatch.GetElapsedTime(started))}{what}");
            }

            await Task.Delay(left < pause ? left : pause, cancellationToken).ConfigureAwait(false);
        }
    }

    private (Deadline Deadline, TimeSpan Interval) Retrying(TimeSpan? duration, TimeSpan? interval)
    {
        var pause = interval ?? DefaultInterval;
        if (pause <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(interval), pause, "the interval between attempts must be positive");
        }

        return (Deadline.After(TestProbe.RemainingOrDilated(duration)), pause);
    }
}
