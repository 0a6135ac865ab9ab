console.log("appbase: under construction");
