//! `ds`: see the `ds_cli` crate docs.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match ds_cli::run(&args, std::env::var(ds_cli::KEY_ENV).ok()) {
        Ok(out) => println!("{out}"),
        Err(e) => {
            eprintln!("ds: {e}");
            std::process::exit(e.exit);
        }
    }
}
