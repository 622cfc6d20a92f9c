/**
 * The floor plus one lambda, for bench/startup.py. JDK 17's Socket class links one in its
 * static initializer (SocketImpl.usePlainSocketImpl), so every TCP client on JDK 17 pays this
 * before its first connection, whatever it does itself; JDK 25's AOT cache links lambdas ahead
 * of time.
 */
public final class LambdaFloor {
    public static void main(String[] args) {
        Runnable print = () -> System.out.println("lambda floor");
        print.run();
    }
}
