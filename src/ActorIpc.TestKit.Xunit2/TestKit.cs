using ActorIpc.Hocon;
using Microsoft.Extensions.Logging;
using Xunit;
using Xunit.Abstractions;

namespace ActorIpc.TestKit.Xunit2;

/// <summary>
/// The base of xunit actor tests. xunit creates one instance per test, so every test gets a
/// fresh actor system, terminated when the test ends. Pass the test's
/// <see cref="ITestOutputHelper"/> to see the system's logs (Debug and above) in the test output.
/// <code>
/// public sealed class EchoTests(ITestOutputHelper output) : TestKit(output)
/// {
///     [Fact]
///     public async Task Echo_Ping_RepliesPong()
///     {
///         var echo = ActorOf(Props.Create&lt;Echo&gt;());
///         echo.Tell(new Ping(), TestActor);
///         await ExpectMsgAsync&lt;Pong&gt;();
///     }
/// }
/// </code>
/// </summary>
public abstract class TestKit : TestKitBase, IAsyncLifetime
{
    /// <summary>Creates the kit with the reference configuration.</summary>
    /// <param name="output">The test's output, for the system's logs; none when null.</param>
    /// <param name="timeProvider">The system's clock (<see cref="ActorSystem.TimeProvider"/>), e.g. a <see cref="ManualClock"/>; the machine's when null.</param>
    protected TestKit(ITestOutputHelper? output = null, TimeProvider? timeProvider = null)
        : base(null, null, LoggerFactoryFor(output), timeProvider)
    {
        Output = output;
    }

    /// <summary>Creates the kit with the HOCON <paramref name="config"/> over the reference configuration.</summary>
    /// <param name="config">HOCON text, e.g. <c>actoripc.testkit.timefactor = 2</c>.</param>
    /// <param name="output">The test's output, for the system's logs; none when null.</param>
    /// <param name="timeProvider">The system's clock (<see cref="ActorSystem.TimeProvider"/>), e.g. a <see cref="ManualClock"/>; the machine's when null.</param>
    /// <exception cref="HoconException">The text or a setting is invalid.</exception>
    protected TestKit(string config, ITestOutputHelper? output = null, TimeProvider? timeProvider = null)
        : this(Parse(config), output, timeProvider)
    {
    }

    /// <summary>Creates the kit with <paramref name="config"/> over the reference configuration.</summary>
    /// <param name="config">The test's configuration.</param>
    /// <param name="output">The test's output, for the system's logs; none when null.</param>
    /// <param name="timeProvider">The system's clock (<see cref="ActorSystem.TimeProvider"/>), e.g. a <see cref="ManualClock"/>; the machine's when null.</param>
    /// <exception cref="HoconException">A setting is invalid.</exception>
    protected TestKit(Config config, ITestOutputHelper? output = null, TimeProvider? timeProvider = null)
        : base(config ?? throw new ArgumentNullException(nameof(config)), null, LoggerFactoryFor(output), timeProvider)
    {
        Output = output;
    }

    /// <summary>The test's output, as given to the constructor.</summary>
    protected ITestOutputHelper? Output { get; }

    /// <summary>Nothing to do: the system is ready once the constructor returns.</summary>
    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    /// <summary>Terminates the system (<see cref="TestKitBase.ShutdownAsync"/>).</summary>
    Task IAsyncLifetime.DisposeAsync() => ShutdownAsync();

    private static Config Parse(string config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return ConfigFactory.ParseString(config, new ConfigParseOptions { OriginName = "config", Resolve = false });
    }

    private static XunitLoggerFactory? LoggerFactoryFor(ITestOutputHelper? output) =>
        output is null ? null : new XunitLoggerFactory(new XunitLoggerProvider(output, LogLevel.Debug));
}
