//! `ds`: see the `ds_cli` crate docs.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match ds_cli::run(&args, &ds_cli::Environment::from_process()) {
        Ok(out) => println!("{out}"),
        Err(e) => {
            eprintln!("ds: {e}");
            std::process::exit(e.exit);
        }
    }
}
