using System.Diagnostics;

namespace ActorIpc.TestKit;

/// <summary>Time-boxed blocks.</summary>
public sealed partial class TestProbe
{
    /// <summary>
    /// Runs <paramref name="block"/> and checks that it ends within <paramref name="max"/>
    /// (dilated). Expectations of this probe inside the block that give no duration wait only for
    /// the time left (see <see cref="Remaining"/>).
    /// </summary>
    /// <param name="max">The longest the block may take (dilated); a nested block gets no more than its outer block has left.</param>
    /// <param name="block">The code to time.</param>
    /// <param name="cancellationToken">Checked before the block starts; pass it on to the expectations inside.</param>
    /// <exception cref="TestKitAssertionException">The block took longer than allowed.</exception>
    public Task WithinAsync(TimeSpan max, Func<Task> block, CancellationToken cancellationToken = default) =>
        WithinAsync(TimeSpan.Zero, max, block, cancellationToken);

    /// <summary>
    /// Runs <paramref name="block"/> and checks that it takes at least <paramref name="min"/> (not
    /// dilated: a slow machine never makes a block faster) and at most <paramref name="max"/> (dilated).
    /// </summary>
    /// <param name="min">The least time the block must take.</param>
    /// <param name="max">The longest the block may take (dilated).</param>
    /// <param name="block">The code to time.</param>
    /// <param name="cancellationToken">Checked before the block starts; pass it on to the expectations inside.</param>
    /// <exception cref="TestKitAssertionException">The block was too fast or too slow.</exception>
    public Task WithinAsync(TimeSpan min, TimeSpan max, Func<Task> block, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(block);
        return WithinCoreAsync(
            min,
            max,
            async () =>
            {
                await block().ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    /// <summary>Runs <paramref name="block"/>, checks that it ends within <paramref name="max"/> (dilated), and returns its result.</summary>
    /// <param name="max">The longest the block may take (dilated).</param>
    /// <param name="block">The code to time.</param>
    /// <param name="cancellationToken">Checked before the block starts; pass it on to the expectations inside.</param>
    /// <returns>What the block returned.</returns>
    /// <exception cref="TestKitAssertionException">The block took longer than allowed.</exception>
    public Task<T> WithinAsync<T>(TimeSpan max, Func<Task<T>> block, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(block);
        return WithinCoreAsync(TimeSpan.Zero, max, block, cancellationToken);
    }

    private async Task<T> WithinCoreAsync<T>(TimeSpan min, TimeSpan max, Func<Task<T>> block, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(min, TimeSpan.Zero);
        var dilatedMax = _settings.Dilate(max, nameof(max));
        if (min > dilatedMax)
        {
            throw new ArgumentOutOfRangeException(nameof(min), min, $"the minimum must not exceed the maximum ({Describe.Ms(dilatedMax)} dilated)");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var outer = _within.Value;
        var deadline = Deadline.After(dilatedMax);
        var scope = new WithinScope(outer is null ? deadline : Deadline.Earlier(outer.Deadline, deadline));
        var started = Stopwatch.GetTimestamp();

        // An AsyncLocal set here flows into the block and everything it awaits, and is gone for
        // the caller once this method returns, so parallel blocks on one probe do not mix.
        _within.Value = scope;
        T result;
        try
        {
            result = await block().ConfigureAwait(false);
        }
        finally
        {
            _within.Value = outer;
        }

        var took = Stopwatch.GetElapsedTime(started);
        if (took < min)
        {
            throw new TestKitAssertionException($"WithinAsync: the block took {Describe.Ms(took)}, less than the minimum {Describe.Ms(min)}");
        }

        if (took > dilatedMax && !scope.QuietUntilDeadline)
        {
            var factor = _settings.TimeFactor == 1.0 ? string.Empty : $" ({Describe.Ms(max)} × timefactor {_settings.TimeFactor.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
            throw new TestKitAssertionException($"WithinAsync: the block took {Describe.Ms(took)}, more than the maximum {Describe.Ms(dilatedMax)}{factor}");
        }

        return result;
    }
}
