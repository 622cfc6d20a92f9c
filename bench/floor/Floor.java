/**
 * The JVM's own floor for bench/startup.py: the smallest program, started with the same JVM,
 * options and kind of start-up archive as bin/echoscu. Whatever echoscu costs above this is ours.
 */
public final class Floor {
    public static void main(String[] args) {
        System.out.println("floor");
    }
}
