using ActorIpc;
using ActorIpc.FleetChild;
using ActorIpc.Hocon;
using ActorIpc.Hosting;
using Akka.Actor;

// The child program of the fleet's multi-process tests, in the role its first argument names:
//   serve        a node that registers an echo under fleet-echo and fleet-idempotent, and publishes
//                an IGreeter as fleet-greeter (the default)
//   hog MIB      serve, then hold MIB mebibytes of touched memory
//   stubborn     serve, but keep running after the node has ended (so that its parent must kill it)
//   crash CODE   print a few lines and exit with CODE, without becoming a node
//   parent       run the fleet of the topology in ACTORIPC_FLEETCHILD_CONFIG, print each child's pid
// A node's configuration is ChildConfig.Defaults with ACTORIPC_FLEETCHILD_CONFIG over it.
var role = args.Length > 0 ? args[0] : "serve";
if (role == "crash")
{
    Console.WriteLine($"crashing on purpose, process {Environment.ProcessId}");
    Console.Error.WriteLine("fatal: the test asked for it");
    return int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
}

var config = ConfigFactory.ParseString(
    ChildConfig.Defaults + "\n" + Environment.GetEnvironmentVariable(ChildConfig.ConfigVariable),
    new ConfigParseOptions { Resolve = false, OriginName = "fleet-child" });
await using var node = await ActorIpcNode.StartAsync(new NodeOptions { Config = config });

if (role == "parent")
{
    var fleet = Fleet.Get(node.System);
    await fleet.StartAsync();
    foreach (var replica in fleet.Status.Replicas)
    {
        Console.WriteLine($"{ChildConfig.ChildPrefix}{replica.ProcessId}");
    }

    Console.WriteLine(ChildConfig.FleetReady);

    // Until the test kills this process.
    await node.System.WhenTerminated;
    return 0;
}

var who = $"{Environment.GetEnvironmentVariable("ACTORIPC_PROCESS")}#{Environment.GetEnvironmentVariable("ACTORIPC_REPLICA")}:{Environment.ProcessId}:{string.Join('+', node.Cluster.SelfRoles.Order())}";
var echo = node.System.ActorOf(Props.Create<EchoCallee>(who), "echo");
var receptionist = Receptionist.Get(node.System);
receptionist.Register(new ServiceKey<string>(ChildConfig.EchoKey), echo);
receptionist.Register(new ServiceKey<string>(ChildConfig.IdempotentKey), echo);
PublishedObjects.Get(node.System).Publish<IGreeter>(ChildConfig.GreeterName, new Greeter(who));
Console.WriteLine($"{ChildConfig.Serving} as {who}");

if (role == "hog")
{
    var mebibytes = int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture);
    var held = new List<byte[]>();
    for (var i = 0; i < mebibytes; i++)
    {
        // Written, so that the pages are resident, not only reserved.
        var block = new byte[1 << 20];
        Array.Fill(block, (byte)1);
        held.Add(block);
    }

    Console.WriteLine($"holding {held.Count} MiB");
    GC.KeepAlive(held);
}

await node.System.WhenTerminated;
if (role == "stubborn")
{
    Console.WriteLine("the node has ended; this process does not");
    Thread.Sleep(Timeout.Infinite);
}

return 0;
