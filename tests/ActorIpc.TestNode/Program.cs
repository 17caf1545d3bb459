using ActorIpc;
using ActorIpc.Hocon;
using ActorIpc.Hosting;
using ActorIpc.TestNode;
using ActorIpc.TestNode.Actors;
using ActorIpc.TestNode.Callees;
using ActorIpc.TestNode.Published;
using Akka.Actor;

// A node for multi-process tests. It joins the seed named by ACTORIPC_SEED (or forms a cluster),
// with TestNodeConfig.Defaults plus the HOCON given as the first argument or in the environment
// variable ACTORIPC_TESTNODE_CONFIG (so a test can give it another allow-list than its own),
// starts its actors (echo, failing, relay, and the messenger's subscriptions), publishes its
// order desk, prints "READY <address>" and lives until its stdin closes: a parent that dies
// closes it too, so this process never outlives the test run.
var extra = args.Length > 0 ? args[0] : Environment.GetEnvironmentVariable(TestNodeConfig.ConfigVariable) ?? "";

// One document, defaults first, so that the extra text's += extends the defaults' lists.
var config = ConfigFactory.ParseString(
    TestNodeConfig.Defaults + "\n" + extra,
    new ConfigParseOptions { Resolve = false, OriginName = "test-node" });

await using var node = await ActorIpcNode.StartAsync(new NodeOptions { Config = config });
node.System.ActorOf(Props.Create<EchoActor>(), TestNodeConfig.Echo);
node.System.ActorOf(Props.Create<FailingActor>(), TestNodeConfig.Failing);
node.System.ActorOf(Props.Create<RelayActor>(), TestNodeConfig.Relay);
node.System.ActorOf(Props.Create<SubscriptionsActor>(), TestNodeConfig.Subscriptions);
using var desk = PublishedObjects.Get(node.System).Publish<IOrderDesk>(TestNodeConfig.OrderDesk, new OrderDesk());
node.System.ActorOf(Props.Create<CalleeControl>(), CalleeControl.Name);
Console.WriteLine($"{TestNodeConfig.ReadyPrefix}{node.Address}");

await Console.In.ReadToEndAsync();
return 0;
